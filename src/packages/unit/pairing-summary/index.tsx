import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { inChina } from '../../../domain/china-time'
import { ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FormExport } from '../../../components/form-export'
import { PrintActions } from '../../../components/print-actions'
import { TableHead } from '../../../components/table-head'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

const TITLE = '西湖区单位党组织与社区结对联系服务群众情况汇总表'
const HEADERS = ['序号', '单位党组织名称', '结对社区', '参加何种服务活动', '备注']

// 附件4 (pairing.summary) for a year: a unit's rows (its secretary or liaison;
// `unitId` from the unit's pairing page), or every pairing of the street or
// district. 参加何种服务活动 lists the unit-organised activities held in the
// community that year. Printable on h5.
export default function PairingSummaryPage() {
  const { params } = useRouter()
  return (
    <RolePage id='page-pairing-summary' roles={['secretary', 'liaison', 'streetAdmin', 'districtAdmin']}>
      {(grant) => <Summary unitId={params.unitId || (grant.role === 'secretary' || grant.role === 'liaison' ? grant.scope.unitId : undefined)} />}
    </RolePage>
  )
}

function Summary({ unitId }: { unitId?: string }) {
  const thisYear = inChina(new Date()).year()
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String)
  const [year, setYear] = useState(String(thisYear))
  const remote = useRemote(() => callFunction('pairing', { action: 'summary', year: Number(year), ...(unitId ? { unitId } : {}) }), `${unitId ?? ''}|${year}`)
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>结对联系服务群众情况汇总表（附件4）</Text>
        <Text className='page-head__sub'>参加何种服务活动：当年本单位在结对社区组织的活动</Text>
      </View>
      <View className='no-print'>
        <ChoiceChips id='pairing-summary-year' options={years} labels={Object.fromEntries(years.map((y) => [y, `${y}年`]))} value={year} onChange={setYear} />
      </View>
      <PrintActions id='pairing-summary-print' />
      {unitId && remote.data?.rows.length ? (
        <FormExport key={year} id='unit-form4-export' exportAs={(format) => callFunction('exports', { action: 'unitForm', unitId, year: Number(year), form: '附件4', format })} />
      ) : null}
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='pairing-summary-empty' title='该年度没有结对' text='街道或区委组织部登记结对后，这张表会列出结对社区和参加的服务活动。' />
      ) : (
        <View className='table-wrap print-area'>
          <Text className='summary-print-title'>{`${TITLE}（${remote.data.year}年）`}</Text>
          <Text className='muted' id='pairing-summary-filed-by'>{`填报单位：${remote.data.filedBy}`}</Text>
          <View className='table' id='pairing-summary-table'>
            <TableHead headers={HEADERS} />
            {remote.data.rows.map((row, i) => (
              <View key={`${row.unitId}-${row.communityId}`} className='table__row pairing-summary-row'>
                <Text className='table__cell table__cell--num'>{i + 1}</Text>
                <Text className='table__cell'>{row.partyOrgName}</Text>
                <Text className='table__cell'>{row.communityName}</Text>
                <Text className='table__cell'>{row.activities || '（本年度尚未组织活动）'}</Text>
                <Text className='table__cell'>{row.remark}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
