import type { UserConfigExport } from '@tarojs/cli'

// Production builds: Taro minifies JS (terser) and CSS (csso) by default.
// Source maps are left out of the weapp package: they count against the
// 2 MB main-package limit and WeChat does not use them.
export default {
  mini: {
    enableSourceMap: false,
  },
  h5: {
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
