import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { TableHead } from '../../../components/table-head'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { inChina } from '../../../domain/china-time'
import { callFunction } from '../../../services/call-function'
import { canPrint, printPage } from '../../../services/print'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

/** 附件2's columns, in the form's order. */
const HEADERS = ['序号', '姓名', '性别', '出生年月', '工作单位及职务', '家庭住址', '联系电话', '领办项目', '服务情况登记汇总（注明日期及内容）', '综合评价']

// 附件2 在职党员参与社区服务活动情况登记表 (社区用) for a year
// (participation.register): every member reported here, with the activities
// they attended here; printable on h5. 综合评价 stays blank until the yearly evaluation.
export default function RegisterPage() {
  return (
    <RolePage id='page-register' roles={['staff']}>
      {(grant) =>
        grant.scope.communityId ? <Register communityId={grant.scope.communityId} /> : <EmptyState title='未绑定社区' text='您的社区工作人员身份没有绑定社区。' />
      }
    </RolePage>
  )
}

function Register({ communityId }: { communityId: string }) {
  const [year, setYear] = useState(() => inChina(new Date()).year())
  const remote = useRemote(() => callFunction('participation', { action: 'register', communityId, year }), `${communityId}|${year}`)
  const title = `${year}年在职党员参与社区服务活动情况登记表`
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{title}</Text>
        <Text className='page-head__sub'>{remote.data ? `社区名称：${remote.data.communityName} · 共 ${remote.data.rows.length} 人` : '（社区用）'}</Text>
      </View>
      <View className='actions no-print'>
        <Button className='btn-mini btn-mini--grey' id='register-prev-year' onClick={() => setYear(year - 1)}>
          上一年
        </Button>
        <Button className='btn-mini btn-mini--grey' id='register-next-year' onClick={() => setYear(year + 1)}>
          下一年
        </Button>
        {canPrint() ? (
          <Button className='btn-mini btn-mini--primary' id='register-print' onClick={printPage}>
            打印
          </Button>
        ) : null}
      </View>
      {canPrint() ? null : <Text className='muted register-hint no-print'>如需打印，请在电脑浏览器中打开本系统。</Text>}
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='register-empty' title='还没有党员报到' text='党员到本社区报到后，会出现在这张登记表里。' />
      ) : (
        <View className='table-wrap print-area'>
          <Text className='register-print-title'>{`${title}（社区用） 社区名称：${remote.data.communityName}`}</Text>
          <View className='table' id='register-table'>
            <TableHead headers={HEADERS} />
            {remote.data.rows.map((row) => (
              <View key={row.memberId} className='table__row register-row'>
                <Text className='table__cell table__cell--num'>{row.index}</Text>
                <Text className='table__cell'>{row.name}</Text>
                <Text className='table__cell'>{row.gender}</Text>
                <Text className='table__cell'>{row.birthMonth}</Text>
                <Text className='table__cell'>{row.unitAndTitle}</Text>
                <Text className='table__cell'>{row.address}</Text>
                <Text className='table__cell'>{row.mobile}</Text>
                <Text className='table__cell'>{row.claimedItems}</Text>
                <View className='table__cell'>
                  {row.services.length ? (
                    row.services.map((line, i) => (
                      <Text key={i} className='register-services'>
                        {line}
                      </Text>
                    ))
                  ) : (
                    <Text>—</Text>
                  )}
                </View>
                <Text className='table__cell'>{row.evaluation ?? ''}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
