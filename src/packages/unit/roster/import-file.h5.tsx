import { Text, View } from '@tarojs/components'
import { FilePicker } from '../../../components/file-picker'
import { ROSTER_COLUMNS } from '../../../domain/contracts/roster.contract'
import { ROSTER_FILE, type RosterFilePickerProps } from './import-file-props'

const EXAMPLE = ['张三', '男', '1985-07', '2008-06', '大学本科', '法律咨询', '0571-87654321', '13800000000', '古荡社区', '科长']

/** A CSV template with the roster columns and one example row (BOM so Excel reads it as UTF-8). */
export function templateCsv(): string {
  return '\ufeff' + [ROSTER_COLUMNS.join(','), EXAMPLE.join(',')].join('\r\n') + '\r\n'
}

// h5: the file input, and a CSV template to start from.
export function RosterFilePicker(props: RosterFilePickerProps) {
  return (
    <View>
      <FilePicker {...ROSTER_FILE} {...props} accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv' />
      <Text className='field__hint'>{`表头依次为：${ROSTER_COLUMNS.join('、')}；可另加“所在支部”列`}</Text>
      <a className='roster-template' id='roster-template' href={`data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`} download='党员名册模板.csv'>
        下载名册模板（CSV）
      </a>
    </View>
  )
}
