import { View, Text, Button } from '@tarojs/components'
import type { TableModel } from '../domain/record-tables'
import { canPrint, printPage } from '../services/print'
import { EmptyState } from './empty-state'
import './ui.css'
import './table-sheet.css'

// A printable table from a table model (src/domain/record-tables.ts): the
// title, header rows and rows, as the ledger (issue 12) exports the same model.
// On h5 the browser prints it; in WeChat the user is told to print from a PC.
export function TableSheet({ id, table }: { id: string; table: TableModel }) {
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{table.title}</Text>
        <Text className='page-head__sub'>{table.subtitle}</Text>
      </View>
      {canPrint() ? (
        <View className='actions no-print'>
          <Button className='btn btn--primary' id={`${id}-print`} onClick={printPage}>
            打印
          </Button>
        </View>
      ) : (
        <Text className='muted sheet-hint no-print'>如需打印，请在电脑浏览器中打开本系统。</Text>
      )}
      {table.rows.length === 0 ? (
        <EmptyState id={`${id}-empty`} title='还没有记录' text='登记后会出现在这张表里。' />
      ) : (
        <View className='table-wrap print-area'>
          <Text className='summary-print-title sheet-print-title'>{table.title}</Text>
          <View className='table' id={id}>
            {table.header.map((row, r) => (
              <View key={`h${r}`} className='table__row table__head'>
                {row.map((cell, c) => (
                  <Text key={c} className='table__cell'>
                    {cell}
                  </Text>
                ))}
              </View>
            ))}
            {table.rows.map((row, r) => (
              <View key={r} className='table__row sheet-row'>
                {row.map((cell, c) => (
                  <Text key={c} className='table__cell sheet-cell'>
                    {cell}
                  </Text>
                ))}
              </View>
            ))}
          </View>
          {(table.layout?.footer ?? []).map((row, r) => (
            <Text key={`f${r}`} className='sheet-footer' id={r === 0 ? `${id}-footer` : undefined}>
              {row.filter(Boolean).join('　')}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
