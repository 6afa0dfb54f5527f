import type { PickedFile } from '../../../services/picked-file'

export interface RosterFilePickerProps {
  busy: boolean
  onPicked: (file: PickedFile) => void
  onError: (message: string) => void
}

export function acceptsName(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name)
}
