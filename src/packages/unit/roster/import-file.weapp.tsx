import { Text, View } from '@tarojs/components'
import { FilePicker } from '../../../components/file-picker'
import { ROSTER_COLUMNS } from '../../../domain/contracts/roster.contract'
import { ROSTER_FILE, type RosterFilePickerProps } from './import-file-props'

// weapp: a roster file from a WeChat chat.
export function RosterFilePicker(props: RosterFilePickerProps) {
  return (
    <View>
      <FilePicker {...ROSTER_FILE} {...props} />
      <Text className='field__hint'>{`支持 .xlsx、.csv；表头依次为：${ROSTER_COLUMNS.join('、')}；可另加“所在支部”列`}</Text>
    </View>
  )
}
