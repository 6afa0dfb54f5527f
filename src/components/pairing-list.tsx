import { View, Text, Button } from '@tarojs/components'
import type { PairingView } from '../domain/contracts/pairing.contract'
import { dateText } from '../services/format'
import { EmptyState } from './empty-state'
import { KeyValue } from './key-value'
import './ui.css'
import './pairing-list.css'

interface Props {
  rows: readonly PairingView[]
  /** Which side reads it: the unit sees communities, the community sees units, the admin both. */
  side: 'unit' | 'community' | 'admin'
  /** The admin's 结束结对 on an active pairing. */
  onEnd?: (pairing: PairingView) => void
  busy?: boolean
}

/** 结对共建 terms, active first; an ended one keeps its dates and reason. */
export function PairingList({ rows, side, onEnd, busy }: Props) {
  if (rows.length === 0) return <EmptyState id='pairing-empty' title='暂无结对' text='街道或区委组织部登记结对后，会显示在这里。' />
  return (
    <View id='pairing-list'>
      {rows.map((p) => {
        const unit = p.branchName ? `${p.partyOrgName} · ${p.branchName}` : p.partyOrgName
        const community = `${p.streetName} · ${p.communityName}`
        return (
          <View key={p.pairingId} className={p.status === 'active' ? 'card pairing-row' : 'card pairing-row pairing-row--ended'} id={`pairing-${p.pairingId}`}>
            <View className='pairing-row__head'>
              <Text className='card__title'>{side === 'unit' ? community : side === 'community' ? unit : `${unit} ↔ ${p.communityName}`}</Text>
              <Text className={p.status === 'active' ? 'badge badge--green' : 'badge badge--grey'}>{p.status === 'active' ? '结对中' : '已结束'}</Text>
            </View>
            {side === 'admin' ? <KeyValue label='街道'>{p.streetName}</KeyValue> : null}
            {side !== 'community' && p.branchName ? <KeyValue label='结对支部'>{p.branchName}</KeyValue> : null}
            <KeyValue label='结对时间'>{p.endedAt ? `${dateText(p.startedAt)} 至 ${dateText(p.endedAt)}` : `${dateText(p.startedAt)} 起`}</KeyValue>
            {p.note ? <KeyValue label='备注'>{p.note}</KeyValue> : null}
            {p.endReason ? <KeyValue label='结束原因'>{p.endReason}</KeyValue> : null}
            {onEnd && p.status === 'active' ? (
              <View className='btn-row'>
                <Button className='btn-mini pairing-end' disabled={busy || undefined} onClick={() => onEnd(p)}>
                  结束结对
                </Button>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
