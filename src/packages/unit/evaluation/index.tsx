import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { FeedbackCardSheet } from '../../../components/feedback-card-sheet'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { inChina } from '../../../domain/china-time'
import { formatRate } from '../../../domain/report-rate'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'

const PAGE_SIZE = 20

// 本单位年度评价 (evaluation.unit): the distribution of the members' ratings,
// the report rate against 95% with the year-end flag, the members with their
// rating and card, and the issued cards to read or print.
export default function UnitEvaluationPage() {
  return (
    <RolePage id='page-unit-evaluation' roles={['secretary', 'liaison']}>
      {(grant) => (grant.scope.unitId ? <UnitEvaluation unitId={grant.scope.unitId} /> : <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />)}
    </RolePage>
  )
}

function UnitEvaluation({ unitId }: { unitId: string }) {
  const [year, setYear] = useState(() => inChina(new Date()).year())
  const [page, setPage] = useState(1)
  const [cards, setCards] = useState(false)
  const remote = useRemote(() => callFunction('evaluation', { action: 'unitYear', unitId, year, page, pageSize: PAGE_SIZE }), `${year}|${page}`)
  const d = remote.data
  if (cards) {
    return (
      <FeedbackCardSheet
        owner={{ unitId }}
        year={year}
        ids={{ list: 'unit-cards', empty: 'unit-cards-empty', close: 'unit-cards-close', print: 'unit-cards-print' }}
        emptyText='社区出具反馈卡后会显示在这里。'
        onClose={() => setCards(false)}
      />
    )
  }
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${year}年度 本单位年度评价`}</Text>
        <Text className='page-head__sub'>{d ? d.unitName : ''}</Text>
      </View>
      <View className='actions'>
        <Button className='btn-mini btn-mini--grey' id='unit-evaluation-prev-year' onClick={() => (setYear(year - 1), setPage(1))}>上一年</Button>
        <Button className='btn-mini btn-mini--grey' id='unit-evaluation-next-year' onClick={() => (setYear(year + 1), setPage(1))}>下一年</Button>
        <Button className='btn-mini btn-mini--primary' id='unit-evaluation-cards' onClick={() => setCards(true)}>查看反馈卡</Button>
      </View>
      {d === null ? (
        <RemoteState remote={remote} />
      ) : (
        <View>
          <View className='card' id='unit-evaluation-summary'>
            <Text id='unit-evaluation-rate'>{`报到率 ${formatRate(d.rate.rate)}（${d.rate.reported}/${d.rate.total}）${d.rate.belowThreshold ? '，低于95%' : ''}`}</Text>
            {d.flagText ? <Text className='form-error' id='unit-evaluation-flag'>{d.flagText}</Text> : null}
            <Text id='unit-evaluation-distribution'>{`好 ${d.distribution.好} · 较好 ${d.distribution.较好} · 一般 ${d.distribution.一般} · 差 ${d.distribution.差} · 未评价 ${d.distribution.未评价}`}</Text>
          </View>
          <View className='table' id='unit-evaluation-table'>
            {d.rows.map((row) => (
              <View key={row.memberId} className='table__row'>
                <Text className='table__cell'>{row.memberName}</Text>
                <Text className='table__cell'>{row.reported ? row.communityName : '未报到'}</Text>
                <Text className='table__cell'>{row.rating ?? '未评价'}</Text>
                <Text className='table__cell'>{row.cardIssuedAt ? '反馈卡已出具' : '—'}</Text>
              </View>
            ))}
          </View>
          <Pager idPrefix='unit-evaluation' page={page} pages={Math.max(1, Math.ceil(d.total / PAGE_SIZE))} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
