import { View, Text } from '@tarojs/components'
import type { CorrectionView } from '../domain/contracts/corrections.contract'
import { CORRECTION_FIELD_LABELS, CORRECTION_STATUS_LABELS } from '../domain/corrections'
import { dateText } from '../services/format'
import './ui.css'

/** One correction request as both sides list it: who, what, the unit's text, the status and the community's answer. */
export function CorrectionRow({ c, onOpen }: { c: CorrectionView; onOpen?: () => void }) {
  return (
    <View className={`card correction-row correction-row--${c.status}`} id={`correction-${c.correctionId}`} onClick={onOpen}>
      <Text className='card__title'>{`${c.memberName} · ${CORRECTION_FIELD_LABELS[c.field]}${c.activityTitle ? `（${c.activityTitle}）` : ''}`}</Text>
      <Text className='muted'>{`${c.unitName} → ${c.communityName}；${c.raisedByName} ${dateText(c.raisedAt)} 提出`}</Text>
      <Text className='card__text'>{c.text}</Text>
      <Text className='card__text correction-row__status'>{CORRECTION_STATUS_LABELS[c.status]}</Text>
      {c.answer ? <Text className='card__text correction-row__answer'>{`社区答复：${c.answer}（${c.resolvedByName ?? ''} ${dateText(c.resolvedAt)}）`}</Text> : null}
    </View>
  )
}
