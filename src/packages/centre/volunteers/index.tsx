import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { Pager } from '../../../components/pager'
import { TableHead } from '../../../components/table-head'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import './index.css'

const PAGE_SIZE = 20

// 志愿专业服务 (volunteers.read), for the 区志愿者工作指导中心 (002 §三.4): each
// item of the 附件1 list with how many of the district's members chose it;
// open one to see those members by community, with their 特长.
export default function VolunteersPage() {
  return (
    <RolePage id='page-volunteers' roles={['volunteerCentre']}>
      {() => <Volunteers />}
    </RolePage>
  )
}

function Volunteers() {
  const [item, setItem] = useState<string | null>(null)
  const items = useRemote(() => callFunction('participation', { action: 'volunteerItems' }), 'items')
  if (items.data === null) return <RemoteState remote={items} />
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>志愿专业服务项目</Text>
        <Text className='page-head__sub'>选择了各项目的在职党员，跨社区统筹安排</Text>
      </View>
      <View className='card' id='volunteer-items'>
        {items.data.map((i) => (
          <View key={i.item} id={`volunteer-item-${i.item}`} className={i.item === item ? 'volunteer-item volunteer-item--active' : 'volunteer-item'} onClick={() => setItem(i.item)}>
            <View>
              <Text>{i.item}</Text>
              <Text className='muted'>{` ${i.description}`}</Text>
            </View>
            <Text>{`${i.members} 人 ›`}</Text>
          </View>
        ))}
      </View>
      {item ? <ItemMembers key={item} item={item} /> : null}
    </View>
  )
}

function ItemMembers({ item }: { item: string }) {
  const [page, setPage] = useState(1)
  const remote = useRemote(() => callFunction('participation', { action: 'volunteers', item, page, pageSize: PAGE_SIZE }), `${item}|${page}`)
  if (remote.data === null) return <RemoteState remote={remote} />
  const d = remote.data
  if (d.rows.length === 0) return <EmptyState id='volunteers-empty' title={`还没有党员选择${item}`} text='党员报到登记时选择志愿专业服务项目后，会出现在这里。' />
  return (
    <View className='table-wrap'>
      <View className='table' id='volunteers-table'>
        <TableHead headers={['社区', '姓名', '工作单位', '特长']} />
        {d.rows.map((r) => (
          <View key={r.memberId} className='table__row volunteer-row'>
            <Text className='table__cell'>{r.communityName}</Text>
            <Text className='table__cell'>{r.memberName}</Text>
            <Text className='table__cell'>{r.unitName}</Text>
            <Text className='table__cell'>{r.specialty}</Text>
          </View>
        ))}
      </View>
      <Pager idPrefix='volunteers' page={page} pages={Math.ceil(d.total / PAGE_SIZE)} onPage={setPage} />
    </View>
  )
}
