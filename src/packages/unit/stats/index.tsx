import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { rosterContract } from '../../../domain/contracts/roster.contract'
import type { UnitStats } from '../../../domain/contracts/stats.contract'
import { inChina } from '../../../domain/china-time'
import { formatRate, REPORT_RATE_THRESHOLD } from '../../../domain/report-rate'
import { EmptyState } from '../../../components/empty-state'
import { FormExport } from '../../../components/form-export'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { checkCall } from '../../../services/validate'
import '../../../components/ui.css'
import './index.css'

const ROSTER_URL = '/packages/unit/roster/index'

/** The 附件3 footer: 本单位共有在职党员 N 人（其中居住地在社区的党员 M 人），到社区报到 K 人，领办活动项目 P 个。 */
export function footerSentence(s: UnitStats): string {
  return `本单位共有在职党员 ${s.memberTotal} 人（其中居住地在社区的党员 ${s.declaredResidentTotal} 人），到社区报到 ${s.reported} 人，领办活动项目 ${s.claimedProjects} 个。`
}

// 本单位报到率 (unit.stats): reported / members on the roster, against the
// 95% line (西组〔2013〕2号 §四.4), the 附件3 footer, links to the members
// who have not reported, and the moves the unit has been told of.
export default function UnitStatsPage() {
  return (
    <RolePage id='page-unit-stats' roles={['secretary', 'liaison']}>
      {(grant) =>
        grant.scope.unitId ? <Stats unitId={grant.scope.unitId} /> : <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />
      }
    </RolePage>
  )
}

function Stats({ unitId }: { unitId: string }) {
  const remote = useRemote(() => callFunction('stats', { action: 'unit', unitId }), unitId)
  usePullDownRefresh(() => {
    void remote.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (remote.data === null) return <RemoteState remote={remote} />
  const s = remote.data
  const rate = s.rate.rate
  const unreported = Math.max(0, s.memberTotal - s.reported)
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{s.unitName}</Text>
        <Text className='page-head__sub'>在职党员到社区报到率 = 报到党员数 / 单位党员总数</Text>
      </View>

      <View className='card rate-card'>
        <Text className={s.rate.belowThreshold ? 'rate-card__number rate-card__number--below' : 'rate-card__number'} id='unit-rate'>
          {formatRate(rate)}
        </Text>
        <Text className='muted'>{`已报到 ${s.reported} 人 / 名册 ${s.memberTotal} 人`}</Text>
        <View className='rate-bar' id='unit-rate-bar'>
          <View className={s.rate.belowThreshold ? 'rate-bar__fill rate-bar__fill--below' : 'rate-bar__fill'} style={{ width: `${Math.min(100, rate * 100)}%` }} />
          <View className='rate-bar__line' style={{ left: `${REPORT_RATE_THRESHOLD * 100}%` }} />
        </View>
        <View className='rate-bar__legend'>
          <Text className='muted'>0</Text>
          <Text className='muted rate-bar__legend-line' style={{ left: `${REPORT_RATE_THRESHOLD * 100}%` }}>
            95%
          </Text>
        </View>
        {s.rate.belowThreshold ? (
          <Text className='rate-card__warn' id='unit-rate-warning'>
            报到率低于95%，按规定一般不得评为年度先进党组织
          </Text>
        ) : s.memberTotal > 0 ? (
          <Text className='rate-card__ok'>报到率已达95%</Text>
        ) : null}
      </View>

      <View className='card'>
        <Text className='card__text unit-footer' id='unit-footer'>
          {footerSentence(s)}
        </Text>
        <Text className='card__title'>在职党员赴社区报到直接联系服务群众情况汇总表（附件3）</Text>
        <FormExport id='unit-form3-export' exportAs={(format) => callFunction('exports', { action: 'unitForm', unitId, year: inChina(new Date()).year(), form: '附件3', format })} />
        {s.declaredMemberTotal !== s.memberTotal ? (
          <Text className='field__hint' id='unit-declared'>
            {`单位申报在职党员 ${s.declaredMemberTotal} 人，名册已登记 ${s.memberTotal} 人${s.declaredMemberTotal > s.memberTotal ? '，请补齐名册' : ''}。`}
          </Text>
        ) : null}
      </View>

      <View className='card unit-links'>
        <View className='unit-link' id='unit-unreported-link' onClick={() => void Taro.navigateTo({ url: `${ROSTER_URL}?filter=unreported` })}>
          <Text className='unit-link__label'>未报到党员</Text>
          <Text className='unit-link__count'>{`${unreported} 人 ›`}</Text>
        </View>
        <View className='unit-link' id='unit-overdue-link' onClick={() => void Taro.navigateTo({ url: `${ROSTER_URL}?filter=overdue` })}>
          <Text className='unit-link__label'>逾期未报到（入职超过1个月）</Text>
          <Text className={s.overdue > 0 ? 'unit-link__count unit-link__count--red' : 'unit-link__count'}>{`${s.overdue} 人 ›`}</Text>
        </View>
      </View>

      <View className='card' id='unit-notices'>
        <Text className='card__title'>变动通知</Text>
        {s.notices.length === 0 ? (
          <Text className='muted'>暂无党员居住社区变动的通知</Text>
        ) : (
          s.notices.map((n, i) => (
            <View key={`${n.at}-${i}`} className='unit-notice'>
              <Text className='unit-notice__text'>{n.text}</Text>
              <Text className='muted'>{dateText(n.at)}</Text>
            </View>
          ))
        )}
      </View>

      <DeclaredTotals unitId={unitId} stats={s} onSaved={() => void remote.reload()} />
    </View>
  )
}

function DeclaredTotals({ unitId, stats, onSaved }: { unitId: string; stats: UnitStats; onSaved: () => void }) {
  const [open, setOpen] = useState(false)
  const [members, setMembers] = useState(String(stats.declaredMemberTotal))
  const [residents, setResidents] = useState(String(stats.declaredResidentTotal))
  const [error, setError] = useState<string | null>(null)
  if (!open) {
    return (
      <View className='actions'>
        <Button className='btn btn--plain' id='unit-totals-edit' onClick={() => setOpen(true)}>
          修改申报人数
        </Button>
      </View>
    )
  }
  const save = async () => {
    const input = { action: 'setTotals' as const, unitId, declaredMemberTotal: Number(members), declaredResidentTotal: Number(residents) }
    if (!/^\d+$/.test(members.trim()) || !/^\d+$/.test(residents.trim())) {
      setError('人数应为整数')
      return
    }
    const checked = checkCall(rosterContract, input)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    const result = await callFunction('roster', input)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setOpen(false)
    setError(null)
    onSaved()
  }
  return (
    <View className='card' id='unit-totals'>
      <Text className='card__title'>申报人数（附件3）</Text>
      <TextField id='unit-totals-members' label='在职党员总数' type='number' value={members} onChange={setMembers} />
      <TextField id='unit-totals-residents' label='其中居住地在社区的党员' type='number' value={residents} onChange={setResidents} />
      <Notice tone='error' text={error} />
      <View className='btn-row'>
        <Button className='btn-mini btn-mini--primary' id='unit-totals-save' onClick={() => void save()}>
          保存
        </Button>
        <Button className='btn-mini btn-mini--grey' onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  )
}
