// The parts of WeChat's untyped test tools that scripts/weapp and test/weapp use.

declare module 'miniprogram-compiler' {
  interface WxmlOptions {
    wxmlList?: string[]
    wxsList?: string[]
    maxBuffer?: number
  }
  /** Runs wcc over the project; throws with wcc's message when it fails. Returns JS source of `$gwx`. */
  export function wxmlToJs(rootPath: string, options?: WxmlOptions): string
}

declare module 'miniprogram-compiler/src/wcsc' {
  /** Runs wcsc over the given files (paths without `.wxss`); an Error when wcsc fails. */
  export default function wxssToJs(rootPath: string, files: string[], options?: { maxBuffer?: number }): Record<string, string> | Error
}
