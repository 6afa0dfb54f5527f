import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import type { CardRef } from '../../../domain/contracts/card-ref'
import { reportContract, type ConfirmResult, type ScannedMember } from '../../../domain/contracts/report.contract'
import { EmptyState } from '../../../components/empty-state'
import { Notice } from '../../../components/notice'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { checkCall } from '../../../services/validate'
import { Scanner } from '../../../components/qr-scanner/scanner'
import '../../../components/ui.css'
import './index.css'
import { KeyValue } from '../../../components/key-value'

type Phase =
  | { step: 'scan' }
  | { step: 'found'; card: CardRef; member: ScannedMember }
  | { step: 'done'; member: ScannedMember; result: ConfirmResult }

const REGISTRATION_URL = '/packages/member/registration/index'
const RECEIPT_URL = '/packages/unit/receipt/index'

// 扫码报到 (checkin.scan): community staff read a member's 联系证 (QR or
// typed number), see who it is and whether they have reported, and record
// the report in their own community (staff grant's communityId). A typed
// number can be guessed, so it goes with what the member tells the desk:
// their mobile's last 4 digits or their surname; nothing is shown before.
export default function CheckinPage() {
  return (
    <RolePage id='page-checkin' roles={['staff']}>
      {(grant) =>
        grant.scope.communityId ? (
          <Checkin grant={grant} communityId={grant.scope.communityId} />
        ) : (
          <EmptyState title='未绑定社区' text='您的社区工作人员身份没有绑定社区，请联系街道管理员。' />
        )
      }
    </RolePage>
  )
}

function Checkin({ grant, communityId }: { grant: GrantView; communityId: string }) {
  const [phase, setPhase] = useState<Phase>({ step: 'scan' })
  const [cardNo, setCardNo] = useState('')
  const [proof, setProof] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const lookup = async (card: CardRef) => {
    const input = { action: 'lookup' as const, communityId, card }
    const checked = checkCall(reportContract, input)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    setError(null)
    setBusy(true)
    const result = await callFunction('report', input)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setPhase({ step: 'found', card, member: result.data })
  }

  const confirm = async (card: CardRef, member: ScannedMember, recordMove: boolean) => {
    if (recordMove) {
      const answer = await Taro.showModal({
        title: '登记迁入本社区',
        content: `${member.name}的居住社区将由“${member.residenceCommunityName}”改为“${grant.scopeName}”，并在本社区报到。原社区保留报到记录。确认迁入？`,
        confirmText: '确认迁入',
        cancelText: '取消',
      })
      if (!answer.confirm) return
    }
    setError(null)
    setBusy(true)
    const result = await callFunction('report', { action: 'confirm', communityId, card, recordMove })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setPhase({ step: 'done', member, result: result.data })
  }

  const again = () => {
    setPhase({ step: 'scan' })
    setCardNo('')
    setProof('')
    setError(null)
  }

  if (phase.step === 'done') {
    return <CheckinResult member={phase.member} result={phase.result} onAgain={again} />
  }

  if (phase.step === 'found') {
    const { member, card } = phase
    const reportedHere = member.report !== null && member.report.communityId === communityId
    return (
      <View>
        <MemberCard member={member} />
        {!member.livesHere ? (
          <Notice
            id='checkin-elsewhere'
            tone='warn'
            text={`该党员登记的居住社区为“${member.residenceCommunityName}”，不是本社区。如已搬到本社区居住，可登记迁入本社区后报到；否则请其到居住社区报到。`}
          />
        ) : null}
        {member.report && !reportedHere ? (
          <Notice
            tone='info'
            text={`该党员已于${dateText(member.report.reportedAt)}在“${member.report.communityName}”报到。`}
          />
        ) : null}
        <Notice id='checkin-error' tone='error' text={error} />
        <View className='actions'>
          {reportedHere ? (
            <ReportedActions memberId={member.memberId} reportId={member.report!.reportId} />
          ) : member.livesHere ? (
            <Button className='btn btn--primary' id='checkin-confirm' disabled={busy || undefined} onClick={() => void confirm(card, member, false)}>
              {busy ? '正在登记…' : '确认报到'}
            </Button>
          ) : (
            <Button className='btn btn--primary' id='checkin-move' disabled={busy || undefined} onClick={() => void confirm(card, member, true)}>
              登记迁入本社区
            </Button>
          )}
          <Button className='btn btn--plain' id='checkin-again' onClick={again}>
            重新扫码
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>{`扫描联系证 · ${grant.scopeName}`}</Text>
        <Text className='card__text'>请党员出示“我的联系证”二维码或纸质联系证，扫码后核对信息并确认报到。</Text>
        <Scanner idPrefix='checkin' subject='联系证二维码' otherWay='输入联系证号' busy={busy} onScanned={(token) => void lookup({ token: token.trim() })} />
      </View>
      <View className='card'>
        <Text className='card__title'>输入联系证号</Text>
        <View className='cardno-row'>
          <Input
            className='field__input cardno-row__input'
            id='checkin-card-no'
            type='number'
            maxlength={12}
            value={cardNo}
            placeholder='联系证上的6到12位数字'
            onInput={(e) => setCardNo(e.detail.value)}
          />
        </View>
        <View className='cardno-row'>
          <Input
            className='field__input cardno-row__input'
            id='checkin-proof'
            maxlength={20}
            value={proof}
            placeholder='党员手机号后4位或姓氏'
            onInput={(e) => setProof(e.detail.value)}
          />
          <Button
            className='btn-mini btn-mini--primary cardno-row__button'
            id='checkin-lookup'
            disabled={busy || undefined}
            onClick={() => void lookup({ cardNo: cardNo.trim(), proof: proof.trim() })}
          >
            查询
          </Button>
        </View>
        <Text className='muted'>手工输入联系证号时，请党员本人告知手机号后4位或姓氏，核对无误后才显示党员信息。</Text>
      </View>
      {busy ? <Text className='loading-line'>正在查询…</Text> : null}
      <Notice id='checkin-error' tone='error' text={error} />
    </View>
  )
}

function MemberCard({ member }: { member: ScannedMember }) {
  const reported = member.report
  return (
    <View className='card' id='checkin-member'>
      <View className='checkin-member__head'>
        <Text className='checkin-member__name' id='checkin-name'>
          {member.name}
        </Text>
        <Text className='muted'>{member.gender}</Text>
        {reported ? (
          <Text className='badge badge--green' id='checkin-reported'>
            {`已报到 ${dateText(reported.reportedAt)}`}
          </Text>
        ) : (
          <Text className='badge badge--grey' id='checkin-unreported'>
            未报到
          </Text>
        )}
      </View>
      <KeyValue label='工作单位' id='checkin-unit'>{member.unitName}</KeyValue>
      <KeyValue label='居住社区' id='checkin-residence'>
        {member.residenceCommunityName}
        {member.livesHere ? '' : '（非本社区）'}
      </KeyValue>
      <KeyValue label='手机'>{member.mobile}</KeyValue>
      <KeyValue label='联系证号'>{member.cardNo}</KeyValue>
      <KeyValue label='报到情况' id='checkin-status'>
        {reported ? `已报到：${reported.communityName}，${dateText(reported.reportedAt)}` : '尚未报到'}
      </KeyValue>
    </View>
  )
}

function ReportedActions({ memberId, reportId }: { memberId: string; reportId: string }) {
  return (
    <>
      <Button
        className='btn btn--primary'
        id='checkin-registration'
        onClick={() => void Taro.navigateTo({ url: `${REGISTRATION_URL}?memberId=${encodeURIComponent(memberId)}` })}
      >
        填写报到登记表
      </Button>
      <Button
        className='btn btn--plain'
        id='checkin-receipt'
        onClick={() => void Taro.navigateTo({ url: `${RECEIPT_URL}?reportId=${encodeURIComponent(reportId)}` })}
      >
        查看回执
      </Button>
    </>
  )
}

function CheckinResult({ member, result, onAgain }: { member: ScannedMember; result: ConfirmResult; onAgain: () => void }) {
  const when = dateText(result.reportedAt)
  return (
    <View>
      <View className={result.alreadyReported ? 'card checkin-result checkin-result--again' : 'card checkin-result'} id='checkin-result'>
        <Text className='checkin-result__title' id='checkin-result-title'>
          {result.alreadyReported ? '已报到' : '报到成功'}
        </Text>
        <Text className='checkin-result__text'>
          {result.alreadyReported
            ? `${result.memberName}已于${when}向${result.communityName}报到，本次未重复登记。`
            : `${result.memberName}于${when}向${result.communityName}报到。`}
        </Text>
        {result.movedFrom ? <Text className='checkin-result__text'>{`已从“${result.movedFrom}”迁入本社区，原社区保留报到记录。`}</Text> : null}
        <Text className='muted'>{`${member.unitName} · 联系证 ${member.cardNo}`}</Text>
      </View>
      <View className='actions'>
        <ReportedActions memberId={member.memberId} reportId={result.reportId} />
        <Button className='btn btn--plain' id='checkin-again' onClick={onAgain}>
          继续扫码
        </Button>
      </View>
    </View>
  )
}
