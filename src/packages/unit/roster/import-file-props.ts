import type { FilePickerProps } from '../../../components/file-picker-props'

export type RosterFilePickerProps = Pick<FilePickerProps, 'busy' | 'onPicked' | 'onError'>

/** The roster file: .xlsx or .csv (the bytes are checked after reading, and again by the server). */
export const ROSTER_FILE = {
  id: 'roster-file',
  label: '选择名册文件（.xlsx / .csv）',
  extensions: ['xlsx', 'csv'],
  refusal: '请选择 .xlsx 或 .csv 格式的名册文件',
  className: 'btn btn--primary btn--block roster-file-label',
} as const
