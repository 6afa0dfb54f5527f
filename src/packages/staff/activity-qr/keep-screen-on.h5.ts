import { useEffect } from 'react'

// h5: the Screen Wake Lock API where the browser has it (Taro's h5
// setKeepScreenOn does nothing). The browser drops the lock when the tab is
// hidden, so it is asked for again when the page shows again.

interface WakeLockSentinel {
  release(): Promise<void>
}
type WakeLockNavigator = Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> } }

export function useKeepScreenOn(): void {
  useEffect(() => {
    const wakeLock = typeof navigator === 'undefined' ? undefined : (navigator as WakeLockNavigator).wakeLock
    if (!wakeLock) return
    let sentinel: WakeLockSentinel | null = null
    let stopped = false
    const request = () => {
      wakeLock.request('screen').then(
        (lock) => {
          if (stopped) void lock.release()
          else sentinel = lock
        },
        () => undefined, // refused (battery saver, not visible): the page works without it
      )
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') request()
    }
    request()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      document.removeEventListener('visibilitychange', onVisible)
      void sentinel?.release()
    }
  }, [])
}
