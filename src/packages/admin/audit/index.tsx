import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { AuditRow } from '../../../domain/contracts/audit.contract'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import '../../../components/buttons.css'

/** What each logged action is called on the page; an action not listed shows its own name. */
const ACTION_LABELS: Record<string, string> = {
  'setup.claimed': '首次设置',
  'setup.refused': '设置码被拒绝',
  'grants.invited': '发出邀请',
  'grants.granted': '接受邀请获得授权',
  'grants.revoked': '撤销授权',
  'grants.refused': '授权或邀请被拒绝',
  'residents.registered': '居民登记',
  'residents.removed': '移除居民登记',
  'account.bound': '党员绑定联系证',
  'account.bindFailed': '绑定联系证核对失败',
  'account.bindingCodeIssued': '生成绑定码',
  'checkin.proofFailed': '手工报到核对失败',
}

const PAGE_SIZE = 30

function describe(row: AuditRow): string {
  const details = Object.entries(row.details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
  return details.join('，')
}

// 操作记录 (audit.read): every grant, revocation, removal and failed proof,
// newest first: who, what, when, from where.
export default function AuditPage() {
  return <RolePage id='page-audit' roles={['districtAdmin']}>{() => <AuditLog />}</RolePage>
}

function AuditLog() {
  const [page, setPage] = useState(1)
  const remote = useRemote(() => callFunction('audit', { action: 'list', page, pageSize: PAGE_SIZE }), String(page))
  usePullDownReload(remote.reload)
  if (remote.data === null) return <RemoteState remote={remote} />
  const { rows, total } = remote.data
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>操作记录</Text>
        <Text className='page-head__sub'>{`共 ${total} 条，按时间倒序`}</Text>
      </View>
      <View className='card' id='audit-list'>
        {rows.map((row) => (
          <View key={row.id} className='audit-row field'>
            <Text className='card__text'>{`${ACTION_LABELS[row.action] ?? row.action} · ${row.actorName || '未登记用户'}`}</Text>
            <Text className='muted'>{`${dateTimeText(row.at)} · ${row.source || '-'} ${row.ip}`}</Text>
            {describe(row) ? <Text className='muted'>{describe(row)}</Text> : null}
          </View>
        ))}
      </View>
      <View className='btn-row'>
        <Button className='btn-mini' id='audit-prev' disabled={page <= 1 || undefined} onClick={() => setPage(page - 1)}>
          上一页
        </Button>
        <Button className='btn-mini' id='audit-next' disabled={page * PAGE_SIZE >= total || undefined} onClick={() => setPage(page + 1)}>
          下一页
        </Button>
      </View>
    </View>
  )
}
