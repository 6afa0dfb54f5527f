import { View, Text, Image } from '@tarojs/components'
import type { FeedbackCard } from '../domain/contracts/evaluation.contract'
import { chineseDate } from '../domain/china-time'
import './feedback-card.css'

/** 在职党员社区表现反馈卡 (000 §一.(六)), one per printed page; the seal sits over the signature line. */
export function FeedbackCardView({ card }: { card: FeedbackCard }) {
  const f = card.facts
  return (
    <View className='feedback-card' id={`feedback-card-${card.memberId}`}>
      <Text className='feedback-card__title'>{`${card.year}年度在职党员社区表现反馈卡`}</Text>
      <View className='feedback-card__grid'>
        <Text className='feedback-card__line'>{`姓名：${card.memberName}`}</Text>
        <Text className='feedback-card__line'>{`工作单位：${card.unitName}`}</Text>
        <Text className='feedback-card__line'>{`报到社区：${card.communityName}`}</Text>
        <Text className='feedback-card__line'>{`报到时间：${card.reportedAt ? chineseDate(new Date(card.reportedAt)) : '—'}`}</Text>
        <Text className='feedback-card__line'>{`认领服务岗位：${card.claimedPosts.join('、') || '—'}`}</Text>
        <Text className='feedback-card__line'>{`参加社区组织的活动${f.communityActivities}次、单位组织的结对社区活动${f.unitActivities}次，共${f.activityHours}小时`}</Text>
        <Text className='feedback-card__line'>{`经确认的服务清单${f.serviceEntries}条，共${f.serviceHours}小时；完成居民需求${f.needsCompleted}件；结对走访${f.pairingVisits}次`}</Text>
        {f.pledge ? <Text className='feedback-card__line'>{`一句话承诺：${f.pledge}`}</Text> : null}
        <Text className='feedback-card__line feedback-card__rating'>{`综合评价：${card.rating}`}</Text>
        <Text className='feedback-card__line'>{`社区评语：${card.comment || '—'}`}</Text>
      </View>
      <View className='feedback-card__sign'>
        <Text className='feedback-card__org'>{`${card.partyOrgName}（盖章）`}</Text>
        {card.sealUrl ? <Image className='feedback-card__seal' src={card.sealUrl} mode='aspectFit' /> : null}
        <Text className='feedback-card__date'>{chineseDate(new Date(card.issuedAt))}</Text>
      </View>
    </View>
  )
}
