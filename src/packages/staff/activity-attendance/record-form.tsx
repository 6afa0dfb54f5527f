import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { TextField } from '../../../components/field'
import { chinaTime, TIME_HINT, timeFormatMessage, timeText } from '../activity-common/time-text'

export interface RecordTimes {
  inAt: string
  outAt: string | null
  reason: string
}

interface Props {
  /** Test-hook prefix: #<idPrefix>-in, -out, -reason, -save, -cancel. */
  idPrefix: string
  title: string
  reasonLabel: '补录原因' | '更正原因'
  initialIn: string | null
  initialOut: string | null
  busy: boolean
  onSave: (times: RecordTimes) => void
  onCancel: () => void
  /** A problem found before sending, shown by the page. */
  onInvalid: (message: string) => void
}

// The organiser's hand-made record, or the correction of one: sign-in and
// sign-out times typed as China time, and the reason (kept with the record).
export function RecordForm({ idPrefix, title, reasonLabel, initialIn, initialOut, busy, onSave, onCancel, onInvalid }: Props) {
  const [inText, setIn] = useState(timeText(initialIn))
  const [outText, setOut] = useState(timeText(initialOut))
  const [reason, setReason] = useState('')

  const save = () => {
    const inAt = chinaTime(inText)
    const outAt = chinaTime(outText)
    if (!inAt) return onInvalid(inAt === null ? '签到时间未填写' : timeFormatMessage('签到时间'))
    if (outAt === undefined) return onInvalid(timeFormatMessage('签退时间'))
    onSave({ inAt, outAt, reason })
  }

  return (
    <View className='record-form' id={idPrefix}>
      <Text className='card__title'>{title}</Text>
      <TextField id={`${idPrefix}-in`} label='签到时间' required hint={TIME_HINT} value={inText} onChange={setIn} />
      <TextField id={`${idPrefix}-out`} label='签退时间' hint='不填：尚未签退（结束活动时按结束时间计）' value={outText} onChange={setOut} />
      <TextField id={`${idPrefix}-reason`} label={reasonLabel} required maxlength={50} value={reason} onChange={setReason} />
      <View className='btn-row'>
        <Button className='btn-mini btn-mini--primary' id={`${idPrefix}-save`} disabled={busy || undefined} onClick={save}>
          保存
        </Button>
        <Button className='btn-mini btn-mini--grey' id={`${idPrefix}-cancel`} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
