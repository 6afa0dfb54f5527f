import { View, Text } from '@tarojs/components'
import type { DistrictBulletin } from '../domain/contracts/bulletin.contract'
import { districtBulletinTable, THRESHOLD_LINE_TEXT } from '../domain/bulletin-tables'
import { PrintActions } from './print-actions'
import { TableHead } from './table-head'
import './ui.css'
import './table-sheet.css'
import './bulletin-ranking.css'

interface Props {
  id: string
  bulletin: DistrictBulletin
  /** The caller's own unit, highlighted (a unit's secretary or liaison). */
  highlightUnitId?: string
}

// The district-wide 通报 (bulletin.publish): units ranked by report rate, the
// 95% line drawn after the last unit at or above it, printable. The rows come
// from bulletin-tables.ts, the model a print or an export shares.
export function BulletinRanking({ id, bulletin, highlightUnitId }: Props) {
  const table = districtBulletinTable(bulletin)
  // The model's rows with the line inserted; the unit of each row, by position.
  const unitOfRow = [...bulletin.rows.map((r) => r.unitId)]
  unitOfRow.splice(bulletin.aboveLine, 0, '')
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{table.title}</Text>
        <Text className='page-head__sub' id={`${id}-subtitle`}>
          {table.subtitle}
        </Text>
      </View>
      <PrintActions id={`${id}-print`} />
      <View className='table-wrap print-area'>
        <Text className='summary-print-title sheet-print-title'>{table.title}</Text>
        <View className='table' id={id}>
          {table.header.map((row, r) => (
            <TableHead key={`h${r}`} headers={row} />
          ))}
          {table.rows.map((row, r) => {
            const unitId = unitOfRow[r]
            const source = bulletin.rows.find((u) => u.unitId === unitId)
            const classes = ['table__row', 'sheet-row', row[1] === THRESHOLD_LINE_TEXT && !unitId ? 'ranking-row--line' : 'ranking-row', unitId && unitId === highlightUnitId ? 'ranking-row--mine' : '', source?.belowThreshold ? 'ranking-row--below' : '']
            return (
              <View key={r} className={classes.filter(Boolean).join(' ')} id={unitId ? `${id}-row-${unitId}` : `${id}-line`}>
                {row.map((cell, c) => (
                  <Text key={c} className={c === 4 ? 'table__cell sheet-cell ranking-rate' : 'table__cell sheet-cell'}>
                    {cell}
                  </Text>
                ))}
              </View>
            )
          })}
        </View>
      </View>
    </View>
  )
}
