import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import './app.css'

// Cloud init runs when the app module loads, before any page asks the
// `bootstrap` function who the user is. An empty TARO_APP_CLOUD_ENV means the
// app's default environment. The h5 build has no wx.cloud: it talks to the
// local runtime over HTTP (services/call-function.h5.ts), and this branch is
// removed from that bundle at build time.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  // children are the pages Taro renders.
  return children
}

export default App
