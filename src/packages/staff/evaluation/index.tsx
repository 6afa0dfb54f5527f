import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { Chip } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FeedbackCardSheet } from '../../../components/feedback-card-sheet'
import { TextAreaField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { PhotoPicker } from '../../../components/photo-picker'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { inChina } from '../../../domain/china-time'
import { evaluationContract, type EvaluationRow } from '../../../domain/contracts/evaluation.contract'
import { RATINGS, type Rating } from '../../../domain/evaluation-facts'
import { callFunction } from '../../../services/call-function'
import { uploadFile } from '../../../services/upload-file'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

type Filter = 'pending' | 'rated' | 'noCard' | 'all'
const FILTERS: Array<[Filter, string]> = [
  ['pending', '待评价'],
  ['rated', '已评价'],
  ['noCard', '未出反馈卡'],
  ['all', '全部'],
]
const PAGE_SIZE = 20

// 党员评价 (member.rate): the year's members reported here with the proposed
// rating and its reasons; confirm it or choose another with a comment; issue
// the 反馈卡 (one, or every confirmed one); the seal; from 12月1日 the cards
// still missing; print the cards one per page (h5).
export default function EvaluationPage() {
  return (
    <RolePage id='page-evaluation' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Evaluation communityId={grant.scope.communityId} /> : <EmptyState title='未绑定社区' text='您的社区工作人员身份没有绑定社区。' />)}
    </RolePage>
  )
}

function Evaluation({ communityId }: { communityId: string }) {
  const [year, setYear] = useState(() => inChina(new Date()).year())
  const [filter, setFilter] = useState<Filter>('pending')
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<EvaluationRow | null>(null)
  const [printing, setPrinting] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const remote = useRemote(() => callFunction('evaluation', { action: 'list', communityId, year, filter, page, pageSize: PAGE_SIZE }), `${year}|${filter}|${page}`)
  const { busy, error, setError, submit } = useSubmit()

  const issue = async (memberIds?: string[]) => {
    const call = { action: 'issueCards' as const, communityId, year, ...(memberIds ? { memberIds } : {}) }
    const done = await submit(evaluationContract, call, () => callFunction('evaluation', call))
    if (done) {
      setNotice(`已出具反馈卡 ${done.issued} 张`)
      await remote.reload()
    }
  }
  const uploadSeal = async (files: Array<Parameters<typeof uploadFile>[1]>) => {
    const file = files[0]
    if (!file) return
    const up = await uploadFile('image', file)
    if (!up.ok) return setError(up.message)
    const call = { action: 'sealSave' as const, communityId, fileID: up.data.fileID }
    if (await submit(evaluationContract, call, () => callFunction('evaluation', call))) setNotice('印章已保存')
  }

  if (printing) {
    return (
      <FeedbackCardSheet
        owner={{ communityId }}
        year={year}
        ids={{ list: 'evaluation-cards', empty: 'evaluation-cards-empty', close: 'evaluation-print-close', print: 'evaluation-print' }}
        emptyText='确认评价后出具反馈卡。'
        onClose={() => setPrinting(false)}
      />
    )
  }
  const data = remote.data
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{`${year}年度党员评价`}</Text>
        <Text className='page-head__sub'>{data ? `${data.communityName} · 报到 ${data.counts.reported} 人 · 已评价 ${data.counts.rated} 人 · 已出反馈卡 ${data.counts.carded} 张` : ''}</Text>
      </View>
      <View className='actions'>
        <Button className='btn-mini btn-mini--grey' id='evaluation-prev-year' onClick={() => (setYear(year - 1), setPage(1))}>上一年</Button>
        <Button className='btn-mini btn-mini--grey' id='evaluation-next-year' onClick={() => (setYear(year + 1), setPage(1))}>下一年</Button>
        <Button className='btn-mini btn-mini--primary' id='evaluation-issue-all' disabled={busy || data?.yearClosed} onClick={() => issue()}>出具全部已评价党员的反馈卡</Button>
        <Button className='btn-mini btn-mini--grey' id='evaluation-print-cards' onClick={() => setPrinting(true)}>打印反馈卡</Button>
      </View>
      <View className='actions'>
        <Text className='muted'>社区党组织印章（图片）：</Text>
        <PhotoPicker id='evaluation-seal' busy={busy} room={1} onPicked={uploadSeal} onError={setError} />
      </View>
      {notice ? <Notice id='evaluation-notice' text={notice} /> : null}
      {error ? <Text className='form-error' id='evaluation-error'>{error}</Text> : null}
      {data?.yearClosed ? <Text className='muted' id='evaluation-closed'>该年度已关账，评价和反馈卡只能查看。</Text> : null}
      {data ? (
        <View id='evaluation-distribution'>
          <Text>{`好 ${data.distribution.好} · 较好 ${data.distribution.较好} · 一般 ${data.distribution.一般} · 差 ${data.distribution.差} · 待评价 ${data.counts.pending}`}</Text>
        </View>
      ) : null}
      {data?.cardsDue.showMissing && data.counts.noCard > 0 ? (
        <Text className='form-error' id='evaluation-missing-cards'>{`反馈卡须在12月20日前出具：还有 ${data.counts.noCard} 名报到党员没有反馈卡`}</Text>
      ) : null}
      <View className='chips'>
        {FILTERS.map(([key, label]) => (
          <Chip key={key} id={`evaluation-filter-${key}`} label={label} selected={filter === key} onTap={() => (setFilter(key), setPage(1))} />
        ))}
      </View>
      {data === null ? (
        <RemoteState remote={remote} />
      ) : data.rows.length === 0 ? (
        <EmptyState id='evaluation-empty' title='没有党员' text='这一栏没有党员。' />
      ) : (
        <View id='evaluation-list'>
          {data.rows.map((row) => (
            <View key={row.memberId} className='card evaluation-row' id={`evaluation-row-${row.memberId}`}>
              <Text className='card__title'>{`${row.memberName} · ${row.unitName}`}</Text>
              <Text className='card__text muted'>{`认领岗位${row.facts.claimedPosts}个 · 社区活动${row.facts.communityActivities}次 · 单位活动${row.facts.unitActivities}次 · 活动${row.facts.activityHours}小时 · 服务清单${row.facts.serviceEntries}条${row.facts.serviceHours}小时 · 需求${row.facts.needsCompleted}件 · 走访${row.facts.pairingVisits}次`}</Text>
              {row.facts.pledge ? <Text className='card__text muted'>{`一句话承诺：${row.facts.pledge}`}</Text> : null}
              <Text className='card__text'>{`系统建议：${row.proposed}（${row.reasons.join('；')}）`}</Text>
              <Text className='card__text evaluation-row__rating'>{row.rating ? `已评价：${row.rating}${row.comment ? `，${row.comment}` : ''}` : '待评价'}</Text>
              <Text className={row.cardStale ? 'card__text' : 'card__text muted'} id={`evaluation-card-state-${row.memberId}`}>
                {row.cardStale ? '评价已修改，需重新出具反馈卡' : row.cardIssuedAt ? '反馈卡已出具' : '反馈卡未出具'}
              </Text>
              {editing?.memberId === row.memberId ? (
                <ConfirmForm row={editing} year={year} onDone={async () => (setEditing(null), await remote.reload())} onCancel={() => setEditing(null)} />
              ) : data.yearClosed ? null : (
                <View className='actions'>
                  <Button className='btn-mini btn-mini--primary' id={`evaluation-confirm-${row.memberId}`} onClick={() => setEditing(row)}>{row.rating ? '修改评价' : '确认评价'}</Button>
                  {row.rating ? (
                    <Button className='btn-mini btn-mini--grey' id={`evaluation-issue-${row.memberId}`} disabled={busy} onClick={() => issue([row.memberId])}>出具反馈卡</Button>
                  ) : null}
                </View>
              )}
            </View>
          ))}
          <Pager idPrefix='evaluation' page={page} pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} onPage={setPage} />
        </View>
      )}
    </View>
  )
}

function ConfirmForm({ row, year, onDone, onCancel }: { row: EvaluationRow; year: number; onDone: () => void; onCancel: () => void }) {
  const [rating, setRating] = useState<Rating>(row.rating ?? row.proposed)
  const [comment, setComment] = useState(row.comment)
  const [pledgeKept, setPledgeKept] = useState<boolean | null>(row.pledgeKept)
  const { busy, error, submit } = useSubmit()
  const save = async () => {
    const call = { action: 'confirm' as const, memberId: row.memberId, year, rating, comment, pledgeKept }
    if (await submit(evaluationContract, call, () => callFunction('evaluation', call))) onDone()
  }
  return (
    <View className='card' id='evaluation-form'>
      <Text className='card__title'>{`评价 ${row.memberName}（系统建议：${row.proposed}）`}</Text>
      <View className='chips'>
        {RATINGS.map((r) => (
          <Chip key={r} id={`evaluation-rating-${r}`} label={r} selected={rating === r} onTap={() => setRating(r)} />
        ))}
      </View>
      {row.facts.pledge ? (
        <View className='chips'>
          <Text className='muted'>{`一句话承诺“${row.facts.pledge}”：`}</Text>
          <Chip id='evaluation-pledge-kept' label='已兑现' selected={pledgeKept === true} onTap={() => setPledgeKept(true)} />
          <Chip id='evaluation-pledge-broken' label='未兑现' selected={pledgeKept === false} onTap={() => setPledgeKept(false)} />
        </View>
      ) : null}
      <TextAreaField id='evaluation-comment' label={rating === row.proposed ? '评语（选填）' : '评语（改变系统建议时必填）'} value={comment} onChange={setComment} maxlength={200} />
      {error ? <Text className='form-error' id='evaluation-form-error'>{error}</Text> : null}
      <View className='actions'>
        <Button className='btn btn--primary' id='evaluation-save' disabled={busy} onClick={save}>确认</Button>
        <Button className='btn' id='evaluation-cancel' onClick={onCancel}>取消</Button>
      </View>
    </View>
  )
}
