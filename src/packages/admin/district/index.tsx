import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import { formatRate, REPORT_RATE_THRESHOLD } from '../../../domain/report-rate'
import { EmptyState } from '../../../components/empty-state'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { nextSort, SORT_LABELS, sortRows, type SortKey, type SortState } from './sort'
import './index.css'
import { ADVANCED_BARRED_TEXT } from '../../../domain/unit-year-flag'

const COLUMNS: SortKey[] = ['unitName', 'memberTotal', 'reported', 'rate']

// 各单位报到率 (district.stats): every unit of the street (street admin) or
// the district (organisation department), sortable by tapping a header; units
// under 95% in red; a bar chart of the rates with the 95% line.
export default function DistrictPage() {
  return (
    <RolePage id='page-district' roles={['districtAdmin', 'streetAdmin']}>
      {(grant) => <District grant={grant} />}
    </RolePage>
  )
}

function District({ grant }: { grant: GrantView }) {
  const streetId = grant.role === 'streetAdmin' ? grant.scope.streetId : undefined
  const remote = useRemote(() => callFunction('stats', streetId ? { action: 'district', streetId } : { action: 'district' }), streetId ?? 'all')
  const [sort, setSort] = useState<SortState>({ key: 'rate', dir: 'asc' })
  usePullDownRefresh(() => {
    void remote.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (remote.data === null) return <RemoteState remote={remote} />
  const stats = remote.data
  const rows = sortRows(stats.rows, sort)
  const below = stats.rows.filter((r) => r.belowThreshold).length
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${stats.scopeName}各单位在职党员报到率`}</Text>
        <Text className='page-head__sub' id='district-summary'>
          {`共 ${stats.rows.length} 个单位，其中 ${below} 个低于95%（标红）`}
        </Text>
      </View>
      {stats.rows.length === 0 ? (
        <EmptyState id='district-empty' title='暂无单位' text='辖区内还没有登记单位。' />
      ) : (
        <>
          <View className='table-wrap'>
            <View className='table' id='district-table'>
              <View className='table__row table__head'>
                {COLUMNS.map((key) => (
                  <Text
                    key={key}
                    className={`table__cell district-sort${key === 'unitName' ? '' : ' table__cell--num'}${sort.key === key ? ' district-sort--active' : ''}`}
                    id={`district-sort-${key}`}
                    onClick={() => setSort((s) => nextSort(s, key))}
                  >
                    {`${SORT_LABELS[key]}${sort.key === key ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}`}
                  </Text>
                ))}
                {stats.yearEnd ? <Text className='table__cell'>年度先进党组织</Text> : null}
              </View>
              {rows.map((row) => (
                <View key={row.unitId} className={row.belowThreshold ? 'table__row district-row district-row--below' : 'table__row district-row'}>
                  <Text className='table__cell district-row__unit'>{row.unitName}</Text>
                  <Text className='table__cell table__cell--num'>{row.memberTotal}</Text>
                  <Text className='table__cell table__cell--num'>{row.reported}</Text>
                  <Text className='table__cell table__cell--num district-row__rate'>{formatRate(row.rate)}</Text>
                  {stats.yearEnd ? <Text className='table__cell district-row__flag'>{row.belowThreshold ? ADVANCED_BARRED_TEXT : ''}</Text> : null}
                </View>
              ))}
              <View className='table__row district-totals' id='district-totals'>
                <Text className='table__cell'>合计</Text>
                <Text className='table__cell table__cell--num'>{stats.totals.memberTotal}</Text>
                <Text className='table__cell table__cell--num'>{stats.totals.reported}</Text>
                <Text className='table__cell table__cell--num'>{formatRate(stats.totals.rate)}</Text>
                {stats.yearEnd ? <Text className='table__cell' /> : null}
              </View>
            </View>
          </View>

          <View className='card district-chart' id='district-chart'>
            <Text className='card__title'>报到率（竖线为95%）</Text>
            {rows.map((row) => (
              <View key={row.unitId} className='district-bar'>
                <Text className='district-bar__label'>{row.unitName}</Text>
                <View className='district-bar__track'>
                  <View
                    className={row.belowThreshold ? 'district-bar__fill district-bar__fill--below' : 'district-bar__fill'}
                    style={{ width: `${Math.min(100, row.rate * 100)}%` }}
                  />
                  <View className='district-bar__line' style={{ left: `${REPORT_RATE_THRESHOLD * 100}%` }} />
                </View>
                <Text className={row.belowThreshold ? 'district-bar__value district-bar__value--below' : 'district-bar__value'}>{formatRate(row.rate)}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
