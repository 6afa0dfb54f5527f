import Taro, { usePullDownRefresh } from '@tarojs/taro'

// Pull down on a tab page asks `bootstrap` again, e.g. after a unit has just
// registered the user. The page config must set enablePullDownRefresh.
export function usePullDownReload(reload: () => Promise<void>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}
