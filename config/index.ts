import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { resolve } from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

// One source tree, two builds: `taro build --type weapp` and `--type h5`.
// Each platform writes to its own folder so the two builds never clean each
// other's output: dist/weapp (project.config.json points DevTools there) and
// dist/h5 (served by the local runtime).
const platform = process.env.TARO_ENV || 'weapp'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shuangbaodao',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    // Platform plugins (@tarojs/plugin-platform-weapp, -h5) are built into the
    // CLI's presets and picked by --type; only the framework is named here.
    plugins: [],
    // TARO_APP_* variables from .env / .env.<mode> are injected by Taro
    // itself as process.env.TARO_APP_*; nothing to define by hand.
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent cache off: builds must be reproducible from a clean tree.
    cache: { enable: false },
    mini: {
      // project.config.json has es6: false, so WeChat uploads the JS as it is:
      // it must already be ES5. Taro transpiles src/ and its own packages with
      // babel (babel-preset-taro, targets from package.json's browserslist) but
      // takes every other node_modules package as published. zod 4 ships
      // ES2020 (class, ?., ??), so it goes through the same babel pass.
      // scripts/weapp/es5-syntax.ts fails the build on any file that is not ES5,
      // which is how a new package that needs this would show up.
      compile: { include: [(file: string) => /node_modules[\\/]zod[\\/]/.test(file)] },
      // Globals WeChat's JS runtime lacks that zod uses as free variables
      // (atob/btoa in its base64 and JWT checks and codecs, File in z.file()).
      // Taro's own ProvidePlugin already maps window, document, navigator,
      // location, URL… to its runtime; atob/btoa come from base-64 (the HTML
      // standard's algorithms), File from a class nothing is an instance of.
      // scripts/weapp/free-globals.ts fails the build on any other.
      webpackChain(chain, webpack) {
        chain.plugin('provide-weapp-globals').use(webpack.ProvidePlugin, [
          {
            atob: ['base-64', 'decode'],
            btoa: ['base-64', 'encode'],
            File: [resolve(__dirname, 'weapp-globals/file.js'), 'File'],
          },
        ])
      },
      // The shared component stylesheets (ui.css, empty-state.css, …) each
      // style their own class names, so the order pages happen to import them
      // in changes nothing; without this, mini-css-extract warns on every
      // build that it cannot keep one order for every page of common.wxss.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the local runtime serves index.html for "/" only and
      // needs no history-API fallback for deep links.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
