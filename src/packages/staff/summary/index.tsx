import { View, Text } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { PrintActions } from '../../../components/print-actions'
import { TableHead } from '../../../components/table-head'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

const HEADERS = ['序号', '认领服务岗位', '姓名', '性别', '工作单位', '职务', '手机', '报到日期']

// 在职党员信息汇总表 (community.summary): the community's reported members,
// one row per claimed post, sorted by post, not by unit; printable on h5.
export default function SummaryPage() {
  return (
    <RolePage id='page-summary' roles={['staff']}>
      {(grant) =>
        grant.scope.communityId ? (
          <Summary communityId={grant.scope.communityId} communityName={grant.scopeName} />
        ) : (
          <EmptyState title='未绑定社区' text='您的社区工作人员身份没有绑定社区。' />
        )
      }
    </RolePage>
  )
}

function Summary({ communityId, communityName }: { communityId: string; communityName: string }) {
  const remote = useRemote(() => callFunction('posts', { action: 'summary', communityId }), communityId)
  if (remote.data === null) return <RemoteState remote={remote} />
  // The server sorts by claimed post (category, 附件1 order, post name, member name).
  const rows = Array.isArray(remote.data) ? remote.data : []
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>进社区报到的在职党员信息汇总表</Text>
        <Text className='page-head__sub'>{`${communityName} · 按认领服务岗位排序 · 共 ${rows.length} 条`}</Text>
      </View>
      <PrintActions id='summary-print' />
      {rows.length === 0 ? (
        <EmptyState id='summary-empty' title='还没有党员报到' text='党员报到并认领服务岗位后，会出现在这张汇总表里。' />
      ) : (
        <View className='table-wrap print-area'>
          <Text className='summary-print-title'>{`${communityName}进社区报到的在职党员信息汇总表`}</Text>
          <View className='table' id='summary-table'>
            <TableHead headers={HEADERS} />
            {rows.map((row, i) => (
              <View key={`${row.postName}-${row.memberName}-${i}`} className='table__row summary-row'>
                <Text className='table__cell table__cell--num'>{i + 1}</Text>
                <Text className='table__cell'>{row.postName}</Text>
                <Text className='table__cell'>{row.memberName}</Text>
                <Text className='table__cell'>{row.gender}</Text>
                <Text className='table__cell'>{row.unitName}</Text>
                <Text className='table__cell'>{row.jobTitle}</Text>
                <Text className='table__cell'>{row.mobile}</Text>
                <Text className='table__cell'>{dateText(row.reportedAt)}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
