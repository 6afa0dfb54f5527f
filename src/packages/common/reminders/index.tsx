import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import type { ReminderKind, RemindersResult, SentMessage } from '../../../domain/contracts/messages.contract'
import { inChina } from '../../../domain/china-time'
import { PERMISSIONS } from '../../../domain/permissions'
import { callFunction } from '../../../services/call-function'
import { subscribeTo } from '../../../services/use-message-subscription'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

const PAGE_SIZE = 10

// 我的 → 消息提醒 (issue 12 §4), for every role that receives messages: the
// reminders the user's roles can receive, each with a one-tap 订阅 (WeChat
// asks only from a tap, with the template known before it: the list carries
// it) and how many one-time subscriptions are left; below, what was sent to them.
export default function RemindersPage() {
  return <RolePage id='page-reminders' roles={PERMISSIONS['messages.subscribe']}>{() => <Reminders />}</RolePage>
}

function Reminders() {
  const [page, setPage] = useState(1)
  const remote = useRemote(() => callFunction('messages', { action: 'reminders', page, pageSize: PAGE_SIZE }), String(page))
  const [notice, setNotice] = useState<{ tone: 'success' | 'warn' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const data = remote.data

  // Nothing is awaited before subscribeTo: it opens the prompt first.
  const subscribe = async (offer: ReminderKind) => {
    setBusy(offer.kind)
    const result = await subscribeTo([offer])
    setBusy(null)
    if (!result.ok) return setNotice({ tone: 'error', text: result.message })
    const current = remote.data
    if (current) remote.setData(withRemaining(current, result.data.remaining))
    const left = result.data.remaining[offer.kind] ?? 0
    setNotice(
      result.data.accepted.includes(offer.kind)
        ? { tone: 'success', text: `已订阅“${offer.title}”，还可收到${left}条` }
        : { tone: 'warn', text: `您未同意接收“${offer.title}”，本次未订阅` },
    )
  }

  if (!data) return <RemoteState remote={remote} />
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>消息提醒</Text>
        <Text className='page-head__sub'>每订阅一次，可收到一条该类提醒；用完后请再次订阅</Text>
      </View>
      <Notice id='reminders-notice' tone={notice?.tone} text={notice?.text} />
      {data.kinds.length === 0 ? (
        <Text className='muted' id='reminders-none'>您当前的身份没有需要订阅的提醒</Text>
      ) : (
        <View id='reminders-kinds'>
          {data.kinds.map((k) => (
            <View className='card reminder-row' id={`reminder-${k.kind}`} key={k.kind}>
              <View className='reminder-row__head'>
                <Text className='card__title'>{k.title}</Text>
                {k.configured ? (
                  <Button
                    className='btn-mini btn-mini--primary'
                    id={`reminder-${k.kind}-subscribe`}
                    disabled={busy !== null || undefined}
                    onClick={() => void subscribe(k)}
                  >
                    订阅
                  </Button>
                ) : (
                  <Text className='badge badge--grey' id={`reminder-${k.kind}-off`}>暂未开通</Text>
                )}
              </View>
              <Text className='reminder-row__purpose'>{k.purpose}</Text>
              <Text className='reminder-row__remaining' id={`reminder-${k.kind}-remaining`}>
                {k.remaining > 0 ? `还可收到 ${k.remaining} 条` : '未订阅或次数已用完'}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className='page-head'>
        <Text className='page-head__title'>{`已发给我的消息（${data.sent.total}）`}</Text>
      </View>
      {data.sent.rows.length === 0 ? (
        <Text className='muted' id='reminders-sent-empty'>还没有发给您的消息</Text>
      ) : (
        <View id='reminders-sent'>
          {data.sent.rows.map((m) => (
            <SentRow key={m.id} message={m} />
          ))}
        </View>
      )}
      <Pager idPrefix='reminders-sent' page={page} pages={Math.ceil(data.sent.total / PAGE_SIZE)} onPage={setPage} />
    </View>
  )
}

function SentRow({ message: m }: { message: SentMessage }) {
  return (
    <View className={`card sent-row sent-row--${m.delivered ? 'delivered' : 'undelivered'}`} id={`sent-${m.id}`}>
      <View className='reminder-row__head'>
        <Text className='card__title'>{m.title}</Text>
        <Text className={`badge ${m.delivered ? 'badge--green' : 'badge--amber'}`}>{m.delivered ? '已送达' : '未送达'}</Text>
      </View>
      <Text className='sent-row__time'>{inChina(new Date(m.at)).format('YYYY-MM-DD HH:mm')}</Text>
      {m.fields.map((f) => (
        <Text className='sent-row__field' key={f.label}>{`${f.label}：${f.value}`}</Text>
      ))}
      {m.reason ? <Text className='sent-row__reason'>{m.reason}</Text> : null}
    </View>
  )
}

function withRemaining(data: RemindersResult, remaining: Partial<Record<ReminderKind['kind'], number>>): RemindersResult {
  return { ...data, kinds: data.kinds.map((k) => ({ ...k, remaining: remaining[k.kind] ?? 0 })) }
}
