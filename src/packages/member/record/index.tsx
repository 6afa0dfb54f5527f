import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { FeedbackCardView } from '../../../components/feedback-card'
import { PrintActions } from '../../../components/print-actions'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { chineseDate, inChina } from '../../../domain/china-time'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'

// 我的年度记录 (record.view): the member's own year — the counts the rating is
// proposed from, the 服务清单, the pledge, the rating once confirmed and the
// 反馈卡 once issued (printable on h5).
export default function RecordPage() {
  return <RolePage id='page-record' roles={['member']}>{() => <Record />}</RolePage>
}

function Record() {
  const [year, setYear] = useState(() => inChina(new Date()).year())
  const remote = useRemote(() => callFunction('evaluation', { action: 'myRecord', year }), String(year))
  const r = remote.data
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{`${year}年 我的年度记录`}</Text>
        <Text className='page-head__sub'>{r?.communityName ? `报到社区：${r.communityName}` : '尚未到社区报到'}</Text>
      </View>
      <View className='actions no-print'>
        <Button className='btn-mini btn-mini--grey' id='record-prev-year' onClick={() => setYear(year - 1)}>上一年</Button>
        <Button className='btn-mini btn-mini--grey' id='record-next-year' onClick={() => setYear(year + 1)}>下一年</Button>
      </View>
      {r === null ? (
        <RemoteState remote={remote} />
      ) : (
        <View>
          <View className='card no-print' id='record-counts'>
            <Text className='card__title'>本年度</Text>
            <Text>{`认领服务岗位 ${r.facts.claimedPosts} 个`}</Text>
            <Text>{`社区组织的活动 ${r.facts.communityActivities} 次，单位组织的结对社区活动 ${r.facts.unitActivities} 次，共 ${r.facts.activityHours} 小时`}</Text>
            <Text>{`经确认的服务清单 ${r.facts.serviceEntries} 条，共 ${r.facts.serviceHours} 小时`}</Text>
            <Text>{`完成居民需求 ${r.facts.needsCompleted} 件，结对走访 ${r.facts.pairingVisits} 次`}</Text>
            <Text id='record-pledge'>{`一句话承诺：${r.facts.pledge ?? '未填写'}`}</Text>
            <Text id='record-rating'>{r.rating ? `综合评价：${r.rating}${r.comment ? `（${r.comment}）` : ''}` : '综合评价：社区尚未确认'}</Text>
          </View>
          <View className='card no-print' id='record-services'>
            <Text className='card__title'>{`服务清单（${r.services.length} 条）`}</Text>
            {r.services.map((s, i) => (
              <Text key={i} className='muted'>{`${chineseDate(new Date(s.date))} ${s.content} ${s.hours}小时`}</Text>
            ))}
          </View>
          {r.card ? (
            <View>
              <PrintActions id='record-print' label='打印反馈卡' />
              <View className='print-area'>
                <FeedbackCardView card={r.card} />
              </View>
            </View>
          ) : (
            <Text className='muted' id='record-no-card'>反馈卡尚未出具</Text>
          )}
        </View>
      )}
    </View>
  )
}
