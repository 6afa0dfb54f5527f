import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { residentsContract, type ResidentRow } from '../../../domain/contracts/residents.contract'
import { EmptyState } from '../../../components/empty-state'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

const PAGE_SIZE = 20

// 居民登记 (residents.manage): the community's self-registered residents,
// newest first; staff remove a fake registration (it is audited).
export default function ResidentsPage() {
  return (
    <RolePage id='page-residents' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Residents communityId={grant.scope.communityId} communityName={grant.scopeName} /> : null)}
    </RolePage>
  )
}

function Residents({ communityId, communityName }: { communityId: string; communityName: string }) {
  const [page, setPage] = useState(1)
  const remote = useRemote(() => callFunction('residents', { action: 'list', communityId, page, pageSize: PAGE_SIZE }), `${communityId}:${page}`)
  usePullDownReload(remote.reload)
  const { busy, error, submit } = useSubmit()

  const remove = async (row: ResidentRow) => {
    const { confirm } = await Taro.showModal({ title: '移除居民登记', content: `确认${row.name}（${row.mobile}）不是本社区居民，移除其登记？` })
    if (!confirm) return
    const call = { action: 'remove' as const, residentId: row.residentId, reason: '社区核实非本社区居民' }
    if (await submit(residentsContract, call, () => callFunction('residents', call))) {
      void Taro.showToast({ title: '已移除', icon: 'success' })
      await remote.reload()
    }
  }

  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}居民登记`}</Text>
        <Text className='page-head__sub'>{remote.data ? `共 ${remote.data.total} 人，最新登记在前` : '居民自行登记，社区核实'}</Text>
      </View>
      <Notice id='residents-error' tone='error' text={error} />
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='residents-empty' title='还没有居民登记' text='居民在小程序中自行登记后会出现在这里。' />
      ) : (
        <View className='card' id='residents-list'>
          {remote.data.rows.map((row) => (
            <View key={row.residentId} className='resident-row btn-row'>
              <Text className='card__text'>{`${row.name} · ${row.mobile} · ${dateTimeText(row.registeredAt)}`}</Text>
              <Button className='btn-mini btn-mini--grey resident-remove' disabled={busy || undefined} onClick={() => void remove(row)}>
                移除
              </Button>
            </View>
          ))}
          <View className='btn-row'>
            <Button className='btn-mini' disabled={page <= 1 || undefined} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button className='btn-mini' disabled={page * PAGE_SIZE >= remote.data.total || undefined} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
