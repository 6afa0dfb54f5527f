import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import { unitBulletinTable } from '../../../domain/bulletin-tables'
import { halfKey, recentHalves, type HalfRef } from '../../../domain/half-year'
import { halfLabel } from '../../../domain/quarter'
import { formatRate } from '../../../domain/report-rate'
import { BulletinRanking } from '../../../components/bulletin-ranking'
import { EmptyState } from '../../../components/empty-state'
import { HalfPicker } from '../../../components/half-picker'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TableSheet } from '../../../components/table-sheet'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

// 单位通报 (bulletin.review): for a half, which units of the street (units
// with members living in its communities) or of the district have submitted
// their 半年通报, with each unit's rate; open a submitted one. The district
// (bulletin.publish) publishes the district-wide bulletin ranking units by rate.
export default function BulletinReviewPage() {
  return <RolePage id='page-bulletins' roles={['districtAdmin', 'streetAdmin']}>{(grant) => <Review grant={grant} />}</RolePage>
}

function Review({ grant }: { grant: GrantView }) {
  const halves = useMemo(() => recentHalves(new Date(), 4), [])
  const [half, setHalf] = useState<HalfRef>(halves[0]!)
  const [opened, setOpened] = useState<string | null>(null)
  return (
    <View>
      <HalfPicker
        id='review-half'
        halves={halves}
        value={half}
        onChange={(h) => {
          setHalf(h)
          setOpened(null)
        }}
      />
      {opened ? <Opened unitId={opened} half={half} onBack={() => setOpened(null)} /> : <HalfList key={halfKey(half)} half={half} canPublish={grant.role === 'districtAdmin'} onOpen={setOpened} />}
    </View>
  )
}

function HalfList({ half, canPublish, onOpen }: { half: HalfRef; canPublish: boolean; onOpen: (unitId: string) => void }) {
  const remote = useRemote(() => callFunction('bulletin', { action: 'review', ...half }), halfKey(half))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (remote.data === null) return <RemoteState remote={remote} />
  const d = remote.data
  const publish = async () => {
    const { confirm } = await Taro.showModal({ title: '发布全区通报', content: `按报到率对全区各单位排名，发布${halfLabel(half.year, half.half)}通报？已发布的将被替换。`, confirmText: '发布' })
    if (!confirm) return
    setBusy(true)
    const result = await callFunction('bulletin', { action: 'publish', ...half })
    setBusy(false)
    setError(result.ok ? null : result.message)
    if (result.ok) await remote.reload()
  }
  return (
    <View>
      <View className='card'>
        <Text className='card__text' id='review-summary'>{`${d.scopeName}：已报送 ${d.submitted} 个单位，未报送 ${d.notSubmitted} 个`}</Text>
        {d.yearClosed ? <Text className='muted' id='review-closed'>该年度已关账，通报只能查看。</Text> : null}
      </View>
      {d.rows.length === 0 ? (
        <EmptyState id='review-empty' title='没有单位' text='辖区内还没有报到单位。' />
      ) : (
        <View className='card' id='review-rows'>
          {d.rows.map((r) => (
            <View key={r.unitId} className='list-row' id={`review-row-${r.unitId}`} onClick={r.submitted ? () => onOpen(r.unitId) : undefined}>
              <View>
                <Text className='list-row__name'>{r.unitName}</Text>
                <Text className='muted'>{r.submitted ? ` 已报送 ${dateText(r.submittedAt)}${r.submitCount > 1 ? `（${r.submitCount}次）` : ''} ›` : ' 未报送'}</Text>
              </View>
              <Text className={r.belowThreshold ? 'review-row__rate review-row__rate--below' : 'review-row__rate'}>{`${formatRate(r.rate)}${r.rateSource === 'current' ? '（当前）' : ''}`}</Text>
            </View>
          ))}
        </View>
      )}
      {canPublish ? (
        <View className='card no-print'>
          <Notice id='review-publish-error' tone='error' text={error} />
          {d.yearClosed ? null : (
            <View className='actions'>
              <Button className='btn btn--primary' id='review-publish' disabled={busy} onClick={() => void publish()}>
                {d.published ? '重新发布全区通报' : '发布全区通报'}
              </Button>
            </View>
          )}
        </View>
      ) : null}
      {d.published ? <BulletinRanking id='review-ranking' bulletin={d.published} /> : <Text className='muted review-unpublished'>{`全区通报尚未发布（${dateText(d.opensAt)}起可发布）`}</Text>}
    </View>
  )
}

function Opened({ unitId, half, onBack }: { unitId: string; half: HalfRef; onBack: () => void }) {
  const remote = useRemote(() => callFunction('bulletin', { action: 'open', unitId, ...half }), `${unitId}|${halfKey(half)}`)
  return (
    <View>
      <View className='actions no-print'>
        <Button className='btn' id='review-back' onClick={onBack}>
          返回列表
        </Button>
      </View>
      {remote.data === null ? <RemoteState remote={remote} /> : <TableSheet id='review-sheet' table={unitBulletinTable(remote.data.figures, remote.data.note)} />}
    </View>
  )
}
