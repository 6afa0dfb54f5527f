import type { ChangeEvent } from 'react'
import { Text, View } from '@tarojs/components'
import { ROSTER_COLUMNS } from '../../../domain/contracts/roster.contract'
import { acceptsName, type RosterFilePickerProps } from './import-file-props'
import { readBytes } from '../../../services/read-blob'

const EXAMPLE = ['张三', '男', '1985-07', '2008-06', '大学本科', '法律咨询', '0571-87654321', '13800000000', '古荡社区', '科长']

/** A CSV template with the roster columns and one example row (BOM so Excel reads it as UTF-8). */
export function templateCsv(): string {
  return '\ufeff' + [ROSTER_COLUMNS.join(','), EXAMPLE.join(',')].join('\r\n') + '\r\n'
}

// h5: a file input, and a CSV template to start from.
export function RosterFilePicker({ busy, onPicked, onError }: RosterFilePickerProps) {
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    try {
      if (!acceptsName(file.name)) {
        onError('请选择 .xlsx 或 .csv 格式的名册文件')
        return
      }
      onPicked({ name: file.name, bytes: await readBytes(file), source: file })
    } catch {
      onError('无法读取所选文件，请重试')
    } finally {
      input.value = ''
    }
  }
  return (
    <View>
      <label className='btn btn--primary btn--block roster-file-label' id='roster-file-label'>
        选择名册文件（.xlsx / .csv）
        <input
          className='visually-hidden'
          id='roster-file-input'
          type='file'
          accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
          disabled={busy}
          onChange={(e) => void onChange(e)}
        />
      </label>
      <Text className='field__hint'>{`表头依次为：${ROSTER_COLUMNS.join('、')}`}</Text>
      <a className='roster-template' id='roster-template' href={`data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`} download='党员名册模板.csv'>
        下载名册模板（CSV）
      </a>
    </View>
  )
}
