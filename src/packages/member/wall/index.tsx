import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { ChoiceChips } from '../../../components/chips'
import { KeyValue } from '../../../components/key-value'
import { NEED_PAGE_SIZE, NeedList } from '../../../components/need-list'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'

// 微心愿 (need.serve): the wall of the community the member lives in (contact
// details masked until they claim one), their assignments, and the needs they
// completed this year with the hours (their 服务清单's share from needs).
export default function WallPage() {
  return <RolePage id='page-wall' roles={['member']}>{() => <Wall />}</RolePage>
}

const VIEWS = ['wall', 'open', 'done', 'service'] as const
type ViewName = (typeof VIEWS)[number]

function Wall() {
  const [view, setView] = useState<ViewName>('wall')
  const [page, setPage] = useState(1)
  const list = useRemote(
    () =>
      view === 'wall'
        ? callFunction('needs', { action: 'wall', page, pageSize: NEED_PAGE_SIZE })
        : callFunction('needs', { action: 'assignments', done: view === 'done', page, pageSize: NEED_PAGE_SIZE }),
    `${view}:${page}`,
  )
  const service = useRemote(() => callFunction('needs', { action: 'myService' }), 'service')
  usePullDownReload(async () => void (await Promise.all([list.reload(), service.reload()])))
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>微心愿与服务任务</Text>
        <Text className='page-head__sub'>{service.data ? `${service.data.year}年已完成 ${service.data.needs} 件，${service.data.hours} 小时` : '认领居民的微心愿'}</Text>
      </View>
      <ChoiceChips
        id='wall-view'
        options={VIEWS}
        value={view}
        onChange={(v) => {
          setView(v)
          setPage(1)
        }}
        labels={{ wall: '微心愿墙', open: '进行中', done: '已完成', service: '服务记录' }}
      />
      {view === 'service' ? (
        service.data ? (
          <View className='card' id='wall-service'>
            {service.data.rows.map((r) => (
              <KeyValue key={r.needId} label={dateText(r.doneAt)}>{`${r.categoryName} · ${r.what} · ${r.hours}小时${r.rating ? ` · ${r.rating}分` : ''}`}</KeyValue>
            ))}
          </View>
        ) : (
          <RemoteState remote={service} />
        )
      ) : (
        <NeedList id='wall-list' remote={list} page={page} setPage={setPage} detailUrl='/packages/member/need/index' empty={{ title: view === 'wall' ? '暂无待认领的微心愿' : '暂无任务', text: '社区发布或分派给您的需求会出现在这里。' }} />
      )}
    </View>
  )
}
