import type { PickedFile } from '../../../services/picked-file'

export interface DocumentFilePickerProps {
  busy: boolean
  onPicked: (file: PickedFile) => void
  onError: (message: string) => void
}

/** What the 文件清单 takes, by name (the bytes are checked after reading, and again by the server). */
export function acceptsDocumentName(name: string): boolean {
  return /\.(pdf|docx|jpe?g|png|webp|gif)$/i.test(name)
}
