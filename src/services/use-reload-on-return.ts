import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Loads again when the person comes back to the page (after editing, signing up, scanning…), not on its first show. */
export function useReloadOnReturn(reload: () => Promise<void>): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
