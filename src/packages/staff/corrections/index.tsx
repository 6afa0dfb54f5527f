import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button, Image } from '@tarojs/components'
import { correctionsContract } from '../../../domain/contracts/corrections.contract'
import { CORRECTION_ANSWER_MAX } from '../../../domain/corrections'
import { ChoiceChips } from '../../../components/chips'
import { CorrectionList, correctionCountsText, useCorrectionList } from '../../../components/correction-list'
import { CorrectionRow } from '../../../components/correction-row'
import { TextAreaField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { FIX_LABELS, fixRouteOf } from '../../../services/correction-routes'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

const OUTCOMES = { fixed: '已更正', declined: '不予更正' } as const
type Outcome = keyof typeof OUTCOMES

// 核对请求 (correction.resolve): the requests units raised about members
// reported here, open ones first by default, newest first. Opening one shows
// what the community holds now and a link to the page where it is fixed;
// the staff answer 已更正 or 不予更正 with the reason. ?id= opens one (the
// subscription message links there).
export default function StaffCorrectionsPage() {
  const { params } = useRouter()
  const opened = typeof params.id === 'string' && params.id ? params.id : null
  return (
    <RolePage id='page-staff-corrections' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <StaffCorrections communityId={grant.scope.communityId} communityName={grant.scopeName} initial={opened} /> : null)}
    </RolePage>
  )
}

function StaffCorrections({ communityId, communityName, initial }: { communityId: string; communityName: string; initial: string | null }) {
  const [openId, setOpenId] = useState<string | null>(initial)
  const list = useCorrectionList({ communityId }, 'open')
  const d = list.remote.data
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}核对请求`}</Text>
        <Text className='page-head__sub' id='corrections-counts'>{d ? correctionCountsText(d.counts) : '单位对本社区登记的党员信息提出的核对请求'}</Text>
      </View>
      {openId ? (
        <Detail
          correctionId={openId}
          onClose={() => setOpenId(null)}
          onResolved={() => {
            void list.remote.reload()
          }}
        />
      ) : null}
      <CorrectionList list={list} idPrefix='corrections' emptyText={list.status === 'open' ? '没有待处理的核对请求。' : '单位还没有提出核对请求。'} onOpen={setOpenId} />
    </View>
  )
}

function Detail({ correctionId, onClose, onResolved }: { correctionId: string; onClose: () => void; onResolved: () => void }) {
  const remote = useRemote(() => callFunction('corrections', { action: 'get', correctionId }), correctionId)
  const [outcome, setOutcome] = useState<Outcome>('fixed')
  const [answer, setAnswer] = useState('')
  const { busy, error, submit } = useSubmit()
  if (!remote.data) return <RemoteState remote={remote} />
  const { correction: c, held } = remote.data
  const resolve = async () => {
    const call = { action: 'resolve' as const, correctionId, outcome, answer }
    const done = await submit(correctionsContract, call, () => callFunction('corrections', call))
    if (done) {
      remote.setData({ correction: done, held })
      onResolved()
    }
  }
  return (
    <View className='card' id='correction-detail'>
      <CorrectionRow c={c} />
      <Text className='card__title'>社区现登记的信息</Text>
      <View id='correction-held'>
        {held.lines.map((line) => (
          <Text key={line} className='card__text correction-held__line'>
            {line}
          </Text>
        ))}
        {held.photoUrl ? <Image id='correction-held-photo' src={held.photoUrl} mode='aspectFit' style={{ width: '120px', height: '160px' }} /> : null}
      </View>
      <View className='actions'>
        <Button className='btn' id='correction-fix' onClick={() => void Taro.navigateTo({ url: fixRouteOf(c.field, c.memberId, c.activityId) })}>
          {FIX_LABELS[c.field]}
        </Button>
        <Button className='btn btn--plain' id='correction-close' onClick={onClose}>
          关闭
        </Button>
      </View>
      {c.status === 'open' ? (
        <View id='correction-resolve-form'>
          <ChoiceChips id='correction-outcome' options={Object.keys(OUTCOMES) as Outcome[]} value={outcome} onChange={setOutcome} labels={OUTCOMES} />
          <TextAreaField
            id='correction-answer'
            label={outcome === 'declined' ? '不予更正的原因' : '答复（可不填）'}
            required={outcome === 'declined'}
            maxlength={CORRECTION_ANSWER_MAX}
            value={answer}
            onChange={setAnswer}
          />
          <Notice id='correction-resolve-error' tone='error' text={error} />
          <Button className='btn btn--primary btn--block' id='correction-resolve' disabled={busy || undefined} onClick={() => void resolve()}>
            确认处理
          </Button>
        </View>
      ) : null}
    </View>
  )
}
