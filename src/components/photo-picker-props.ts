import type { PickedFile } from '../services/picked-file'

export interface PhotoPickerProps {
  id: string
  busy: boolean
  /** How many more photos may be chosen. */
  room: number
  onPicked: (files: PickedFile[]) => void
  onError: (message: string) => void
}
