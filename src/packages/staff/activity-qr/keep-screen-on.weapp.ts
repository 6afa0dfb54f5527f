import { useEffect } from 'react'
import Taro from '@tarojs/taro'

// weapp: wx.setKeepScreenOn lasts while the mini-program is in front; turned
// off again when the organiser leaves the page.
export function useKeepScreenOn(): void {
  useEffect(() => {
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => {
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
    }
  }, [])
}
