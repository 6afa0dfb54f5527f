import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { NeedDetail, NeedRow } from '../domain/contracts/needs.contract'
import { NEED_STATE_LABELS, URGENCY_LABELS } from '../domain/need-rules'
import { dateText, dateTimeText } from '../services/format'
import { KeyValue } from './key-value'
import './ui.css'
import './need-card.css'

// A need as a list row (state, urgency, overdue colour) and as a record
// with its history. The server has already masked what the reader may not see.

const OVERDUE_BADGE = { none: null, yellow: { className: 'badge badge--amber', text: '超时' }, red: { className: 'badge badge--red', text: '严重超时' } } as const

export function NeedBadges({ need }: { need: NeedRow }) {
  const overdue = OVERDUE_BADGE[need.overdue]
  return (
    <View className='btn-row'>
      <Text className='badge badge--grey need-state'>{NEED_STATE_LABELS[need.state]}</Text>
      {need.urgency === 'urgent' ? <Text className='badge badge--red'>{URGENCY_LABELS.urgent}</Text> : null}
      {overdue ? <Text className={`${overdue.className} need-overdue need-overdue--${need.overdue}`}>{overdue.text}</Text> : null}
    </View>
  )
}

/** One need in a list; tapping opens `detailUrl`. */
export function NeedRowCard({ need, detailUrl }: { need: NeedRow; detailUrl: string }) {
  return (
    <View className={`card need-row need-row--${need.overdue}`} id={`need-${need.needId}`} onClick={() => void Taro.navigateTo({ url: `${detailUrl}?id=${need.needId}` })}>
      <NeedBadges need={need} />
      <Text className='card__text need-content'>{need.content}</Text>
      <Text className='muted'>{`${need.categoryName} · ${dateTimeText(need.submittedAt)}${need.assignedMemberName ? ` · ${need.assignedMemberName}` : ''}`}</Text>
    </View>
  )
}

const EVENT_LABELS: Record<string, string> = {
  submit: '提交',
  addInfo: '补充说明',
  withdraw: '撤回',
  accept: '受理',
  reject: '不予受理',
  merge: '合并',
  assign: '分派',
  publish: '发布到微心愿',
  claim: '认领',
  decline: '退回',
  complete: '完成服务',
  rate: '评价',
  close: '关闭',
}

export function NeedRecord({ need }: { need: NeedDetail }) {
  return (
    <View>
      <View className='card' id='need-detail'>
        <NeedBadges need={need} />
        <Text className='card__text' id='need-content'>{need.content}</Text>
        <KeyValue label='类别'>{need.categoryName}</KeyValue>
        <KeyValue label='地址' id='need-address'>{need.address}</KeyValue>
        <KeyValue label='联系人' id='need-contact'>{need.contactName}</KeyValue>
        <KeyValue label='电话' id='need-mobile'>{need.mobile}</KeyValue>
        {need.suitableTime ? <KeyValue label='方便时间'>{need.suitableTime}</KeyValue> : null}
        {need.yellowAt ? <KeyValue label='时限'>{dateTimeText(need.yellowAt)}</KeyValue> : null}
        {need.assignedMemberName ? <KeyValue label='服务党员' id='need-member'>{need.assignedMemberName}</KeyValue> : null}
        {need.rejectReason ? <KeyValue label='不予受理原因'>{need.rejectReason}</KeyValue> : null}
        {need.photos.map((url) => (
          <Image key={url} className='need-photo' src={url} mode='aspectFit' />
        ))}
        {need.additions.map((a) => (
          <View key={a.at}>
            <Text className='muted'>{`补充（${dateTimeText(a.at)}）：${a.text}`}</Text>
          </View>
        ))}
      </View>
      {need.completion ? (
        <View className='card' id='need-completion'>
          <KeyValue label='服务内容'>{need.completion.what}</KeyValue>
          <KeyValue label='服务日期'>{dateText(need.completion.doneAt)}</KeyValue>
          <KeyValue label='服务时长' id='need-hours'>{`${need.completion.hours} 小时`}</KeyValue>
          {need.rating ? <KeyValue label='评价' id='need-rating'>{`${'★'.repeat(need.rating)}${need.comment ? ` ${need.comment}` : ''}`}</KeyValue> : null}
        </View>
      ) : null}
      <View className='card' id='need-history'>
        <Text className='card__title'>办理记录</Text>
        {need.history.map((h, i) => (
          <View key={i} className='need-history-entry'>
            <Text className='muted'>{`${dateTimeText(h.at)} ${h.byName} ${EVENT_LABELS[h.event] ?? h.event}${h.note ? `：${h.note}` : ''}`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
