import type { PickedFile } from '../services/picked-file'

/** One file the user chooses: a file input on h5, a file from a WeChat chat on weapp. */
export interface FilePickerProps {
  /** Ids: h5 `<id>-label` and `<id>-input`; weapp `<id>-pick`. */
  id: string
  /** The button's text. */
  label: string
  /** The extensions taken (no dot), checked by name before reading; the bytes are checked after. */
  extensions: readonly string[]
  /** Said when a chosen file's name has another extension. */
  refusal: string
  /** The h5 input's `accept` (defaults to the extensions). */
  accept?: string
  className?: string
  busy: boolean
  onPicked: (file: PickedFile) => void
  onError: (message: string) => void
}

export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const dot = name.lastIndexOf('.')
  return dot >= 0 && extensions.includes(name.slice(dot + 1).toLowerCase())
}
