import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { bulletinContract, type YearsView } from '../../../domain/contracts/bulletin.contract'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TextField } from '../../../components/field'
import { callFunction } from '../../../services/call-function'
import { dateText, dateTimeText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'
import './index.css'

export const CLOSE_CONFIRM_TEXT = '关账后，该年度的评价、反馈卡、服务清单和通报都只能查看，不能修改。关账是最终操作，不能撤销，也不能重新开放。确定关账？'

// 年度关账 (year.close, issue 11 §9): the district closes a year after
// 12月31日, with a confirmation saying it is final, and sets the date the
// daily timer closes the previous year on (1月31日 unless set).
export default function YearClosePage() {
  return <RolePage id='page-year-close' roles={['districtAdmin']}>{() => <Years />}</RolePage>
}

type YearRow = YearsView['years'][number]

function stateText(y: YearRow): string {
  if (y.closed) return `已关账 ${dateTimeText(y.closedAt)}（${y.closedBy ?? ''}）`
  if (y.closable) return `未关账，将于${dateText(y.autoCloseAt)}自动关账`
  return '年度未结束'
}

function Years() {
  const remote = useRemote(() => callFunction('bulletin', { action: 'years' }), 'years')
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  if (remote.data === null) return <RemoteState remote={remote} />
  const d = remote.data
  const close = async (year: number) => {
    const { confirm } = await Taro.showModal({ title: `关闭${year}年度`, content: CLOSE_CONFIRM_TEXT, confirmText: '确定关账' })
    if (!confirm) return
    const result = await callFunction('bulletin', { action: 'closeYear', year })
    setMessage(result.ok ? { tone: 'success', text: `${year}年度已关账` } : { tone: 'error', text: result.message })
    if (result.ok) await remote.reload()
  }
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>年度关账</Text>
        <Text className='page-head__sub'>每年12月31日之后可以关账；关账后不能重新开放。</Text>
      </View>
      <Notice id='year-message' tone={message?.tone} text={message?.text} />
      <View className='card' id='year-rows'>
        {d.years.map((y) => (
          <View key={y.year} className='list-row' id={`year-${y.year}`}>
            <View>
              <Text className='list-row__name'>{`${y.year}年度`}</Text>
              <Text className='muted year-row__state'>{stateText(y)}</Text>
            </View>
            {y.closable ? (
              <Button className='btn' id={`year-close-${y.year}`} onClick={() => void close(y.year)}>
                关账
              </Button>
            ) : null}
          </View>
        ))}
      </View>
      <CloseDateForm current={d.closeDate} onSaved={() => void remote.reload()} />
    </View>
  )
}

function CloseDateForm({ current, onSaved }: { current: YearsView['closeDate']; onSaved: () => void }) {
  const [month, setMonth] = useState(String(current.month))
  const [day, setDay] = useState(String(current.day))
  const [saved, setSaved] = useState<string | null>(null)
  const form = useSubmit()
  const save = async () => {
    setSaved(null)
    const call = { action: 'setCloseDate' as const, month: Number(month), day: Number(day) }
    const done = await form.submit(bulletinContract, call, () => callFunction('bulletin', call))
    if (done) {
      setSaved(`已设置：每年${done.month}月${done.day}日自动关闭上一年度`)
      onSaved()
    }
  }
  return (
    <View className='card'>
      <Text className='card__title'>自动关账日期</Text>
      <Text className='muted'>{`每年到该日期（默认1月31日），系统自动关闭上一年度。当前：${current.month}月${current.day}日`}</Text>
      <TextField id='close-date-month' label='月' type='number' value={month} onChange={setMonth} />
      <TextField id='close-date-day' label='日' type='number' value={day} onChange={setDay} />
      <Notice id='close-date-error' tone='error' text={form.error} />
      <Notice id='close-date-saved' tone='success' text={saved} />
      <View className='actions'>
        <Button className='btn btn--primary' id='close-date-save' disabled={form.busy} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
