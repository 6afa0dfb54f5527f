export interface PickedFile {
  fileName: string
  /** The file's bytes, base64 (no data: prefix). */
  fileBase64: string
}

export interface RosterFilePickerProps {
  busy: boolean
  onPicked: (file: PickedFile) => void
  onError: (message: string) => void
}

/** The bridge and the functions take at most 100KB per call; base64 grows a file by a third. */
export const MAX_BASE64_CHARS = 96 * 1024

export const TOO_LARGE = '名册文件过大（不能超过约70KB），请删去多余的列或分批导入'

export function acceptsName(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name)
}
