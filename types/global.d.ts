/// <reference types="@tarojs/taro" />

// Asset and style imports are turned into URLs / side effects by the Taro
// build; TypeScript only needs to know they exist.
declare module '*.png' {
  const src: string
  export default src
}
declare module '*.jpg' {
  const src: string
  export default src
}
declare module '*.svg' {
  const src: string
  export default src
}
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time (replaced by a literal in the bundle). */
    TARO_ENV?: 'weapp' | 'h5'
    /** Cloud environment id from .env / .env.<mode>; empty means the default environment. */
    TARO_APP_CLOUD_ENV?: string
    /** Optional override of project.config.json appid, read by Taro. */
    TARO_APP_ID?: string
  }
}
