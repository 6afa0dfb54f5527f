import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { AUDIT_ACTION_LABELS, auditDetailsText } from '../../../domain/audit-labels'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'

const PAGE_SIZE = 30

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
            <Text className='card__text'>{`${AUDIT_ACTION_LABELS[row.action] ?? row.action} · ${row.actorName || '未登记用户'}`}</Text>
            <Text className='muted'>{`${dateTimeText(row.at)} · ${row.source || '-'} ${row.ip}`}</Text>
            {auditDetailsText(row.details) ? <Text className='muted'>{auditDetailsText(row.details)}</Text> : null}
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
