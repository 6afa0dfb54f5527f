import { z } from 'zod'

// Names and texts people see (post names, member names, descriptions, free
// text): one schema, so that none of them can hold what a reader cannot see
// or a system cannot store — control characters such as \u0000, lone UTF-16
// surrogates (not text at all), zero-width and direction-changing marks (two
// names that look the same but differ, or text that reads backwards).
// Normalised to NFC and trimmed. Each problem is one issue naming the field
// in its own words (`params.label`), so a message never borrows another
// form's label (a post's `name` is 岗位名称, not 姓名).

/** C0/C1 controls (but tab and newline in multi-line texts), soft hyphen, and the invisible format characters. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/
const LINE_BREAKS = /[\t\n]/
// A high surrogate not followed by a low one, or a low one not preceded by a
// high one. Written without lookbehind (ES2018): the weapp build ships regex
// literals as they are, and older WeChat engines (iOS before 16.4) refuse to
// parse the whole file that holds one (scripts/weapp/es5-syntax.ts).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/

export interface TextOptions {
  /** Longest text, in characters as a reader counts them (code points). */
  max: number
  /** An empty text is refused with 请填写<label>. */
  required?: boolean
  /** Tab and newline allowed (descriptions). */
  multiline?: boolean
}

export function hasHiddenCharacters(text: string, multiline = false): boolean {
  return LONE_SURROGATE.test(text) || INVISIBLE.test(text) || (!multiline && LINE_BREAKS.test(text))
}

export function plainText(label: string, { max, required = false, multiline = false }: TextOptions) {
  const params = { label }
  return z
    .custom<string>((value) => typeof value === 'string', { message: required ? `请填写${label}` : `${label}应为文字`, params })
    .transform((text) => (LONE_SURROGATE.test(text) ? text : text.normalize('NFC')).trim())
    .superRefine((text, ctx) => {
      const problem =
        required && text === ''
          ? `请填写${label}`
          : [...text].length > max
            ? `${label}不能超过${max}个字`
            : hasHiddenCharacters(text, multiline)
              ? `${label}含有不可见或无法显示的字符，请删除后重新输入`
              : null
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params })
    })
}
