import type { PickedFile } from '../services/picked-file'

export interface PhotoPickerProps {
  /** Test hook on the control: #<id>-input (h5 file input) or #<id> (weapp button). */
  id: string
  busy: boolean
  /** How many more may be added. */
  room: number
  onPicked: (files: PickedFile[]) => void
  onError: (message: string) => void
}
