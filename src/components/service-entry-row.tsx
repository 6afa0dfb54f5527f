import type { ReactNode } from 'react'
import { View, Text, Image } from '@tarojs/components'
import type { EntryView } from '../domain/contracts/services.contract'
import { SERVICE_KIND_LABELS } from '../domain/service-entry-rules'
import { ENTRY_STATUS_LABELS } from '../domain/service-table'
import { dateText } from '../services/format'
import './ui.css'

/** One line of a 服务清单: date, kind, hours, content, whether it was filled in, its status and a return's reason. */
export function ServiceEntryRow({ entry, children }: { entry: EntryView; children?: ReactNode }) {
  return (
    <View className='card service-row' id={`service-${entry.entryId.replace(/[^A-Za-z0-9_-]/g, '-')}`}>
      <Text className='card__title'>{`${dateText(entry.date)} · ${SERVICE_KIND_LABELS[entry.kind]} · ${entry.hours}小时`}</Text>
      <Text className='card__text'>{`${entry.place}：${entry.content}`}</Text>
      <Text className='muted service-status'>
        {[ENTRY_STATUS_LABELS[entry.status], entry.source ? '系统自动带入' : '', entry.originalHours !== null ? `已修改（原${entry.originalHours}小时）` : ''].filter(Boolean).join(' · ')}
      </Text>
      {entry.status === 'returned' && entry.returnReason ? (
        <Text className='notice notice--error service-return-reason'>{`${entry.returnedBy === 'community' ? '社区' : '单位'}退回：${entry.returnReason}`}</Text>
      ) : null}
      {entry.photo?.url ? <Image src={entry.photo.url} mode='aspectFill' style={{ width: '120px', height: '90px' }} /> : null}
      {children}
    </View>
  )
}
