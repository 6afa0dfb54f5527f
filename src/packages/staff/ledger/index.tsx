import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { TableSheet } from '../../../components/table-sheet'
import { inChina } from '../../../domain/china-time'
import { ledgerContract, type LedgerOverview } from '../../../domain/contracts/ledger.contract'
import { DOCUMENT_EXTENSIONS, documentUploadKind, LEDGER_ITEM_LABELS, NOT_DOCUMENT_MESSAGE, PER_MEMBER_ITEMS, type LedgerItem } from '../../../domain/ledger'
import { DOCUMENT_FORMAT_LABELS } from '../../../domain/ledger-tables'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import type { PickedFile } from '../../../services/picked-file'
import { uploadFile } from '../../../services/upload-file'
import { todayText } from '../../../services/use-records-action'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import { FilePicker } from '../../../components/file-picker'
import { LedgerExportSlot } from './export-slot'
import { openDocument } from '../../../services/open-document'
import '../../../components/ui.css'
import './index.css'

// 台账 (ledger.print): the community's five categories for a year, each item
// with its count and what is missing; each table viewed and printed on h5
// (a page of tables at a time for the per-member ones); the 文件清单's
// documents uploaded and removed. Test hooks: #ledger-year, #ledger-prev-year,
// #ledger-next-year, #ledger-category-<no>, #ledger-item-<item> (.ledger-count,
// .ledger-missing), #ledger-view-<item>, #ledger-back, #ledger-tables,
// #ledger-documents (#ledger-doc-<id>, .ledger-doc-remove), #ledger-doc-title,
// #ledger-doc-issuer, #ledger-doc-date, #ledger-doc-file-input (h5) | #ledger-doc-file-pick (weapp), #ledger-doc-error,
// #ledger-doc-added. Export buttons: see ./export-slot.tsx.
export default function LedgerPage() {
  return (
    <RolePage id='page-ledger' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Ledger communityId={grant.scope.communityId} /> : <EmptyState title='未绑定社区' text='您的社区工作人员身份没有绑定社区。' />)}
    </RolePage>
  )
}

function Ledger({ communityId }: { communityId: string }) {
  const thisYear = inChina(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const [viewing, setViewing] = useState<LedgerItem | null>(null)
  const [docsKey, setDocsKey] = useState(0)
  const remote = useRemote(() => callFunction('ledger', { action: 'overview', communityId, year }), `${communityId}|${year}|${docsKey}`)

  if (viewing) return <ItemTables communityId={communityId} year={year} item={viewing} onBack={() => setViewing(null)} />
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{remote.data ? `${remote.data.communityName}“双报到”活动台账` : '“双报到”活动台账'}</Text>
        <Text className='page-head__sub'>五类台账资料，按年度整理、打印归档</Text>
      </View>
      <View className='actions no-print'>
        <Button className='btn-mini btn-mini--grey' id='ledger-prev-year' onClick={() => setYear(year - 1)}>
          上一年
        </Button>
        <Text className='ledger-year' id='ledger-year'>{`${year}年`}</Text>
        <Button className='btn-mini btn-mini--grey' id='ledger-next-year' disabled={year >= thisYear || undefined} onClick={() => setYear(Math.min(thisYear, year + 1))}>
          下一年
        </Button>
      </View>
      <LedgerExportSlot communityId={communityId} year={year} />
      {remote.data === null ? <RemoteState remote={remote} /> : <Categories overview={remote.data} onView={setViewing} />}
      <Documents communityId={communityId} year={year} onChanged={() => setDocsKey((k) => k + 1)} />
    </View>
  )
}

function Categories({ overview, onView }: { overview: LedgerOverview; onView: (item: LedgerItem) => void }) {
  return (
    <View id='ledger-categories'>
      {overview.categories.map((c) => (
        <View key={c.no} className='card ledger-category' id={`ledger-category-${c.no}`}>
          <Text className='card__title'>{c.title}</Text>
          <Text className='muted'>{c.cover}</Text>
          <LedgerExportSlot communityId={overview.communityId} year={overview.year} category={c.no} />
          {c.items.map((i) => (
            <View key={i.item} className='ledger-item' id={`ledger-item-${i.item}`}>
              <View className='ledger-item__head'>
                <Text className='ledger-item__label'>{i.label}</Text>
                <Text className='ledger-count'>{`${i.count} ${i.unit}`}</Text>
                {i.item === 'documents' ? null : (
                  <Button className='btn-mini btn-mini--primary' id={`ledger-view-${i.item}`} onClick={() => onView(i.item)}>
                    查看/打印
                  </Button>
                )}
              </View>
              {i.missing.map((line, n) => (
                <Text key={n} className='ledger-missing'>
                  {`缺：${line}`}
                </Text>
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

const PAGE_SIZE = 10

function ItemTables({ communityId, year, item, onBack }: { communityId: string; year: number; item: LedgerItem; onBack: () => void }) {
  const [page, setPage] = useState(1)
  const perMember = PER_MEMBER_ITEMS.includes(item)
  const remote = useRemote(() => callFunction('ledger', { action: 'tables', communityId, year, item, page, pageSize: PAGE_SIZE }), `${communityId}|${year}|${item}|${page}`)
  const d = remote.data
  return (
    <View>
      <View className='actions no-print'>
        <Button className='btn-mini btn-mini--grey' id='ledger-back' onClick={onBack}>
          返回台账
        </Button>
        <Text className='muted'>{`${year}年 · ${LEDGER_ITEM_LABELS[item]}`}</Text>
      </View>
      {d === null ? (
        <RemoteState remote={remote} />
      ) : d.tables.length === 0 ? (
        <EmptyState id='ledger-tables-empty' title='还没有记录' text='该项目本年度还没有可打印的表格。' />
      ) : (
        <View id='ledger-tables'>
          {perMember ? <Text className='muted no-print'>{`共 ${d.total} 名党员，本页 ${d.tables.length} 张表`}</Text> : null}
          {d.tables.map((table, i) => (
            <View key={i} className='ledger-sheet'>
              <TableSheet id={`ledger-table-${i}`} table={table} />
            </View>
          ))}
          <Pager idPrefix='ledger-tables' page={page} pages={Math.ceil(d.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}

const DOC_PAGE = 20

function Documents({ communityId, year, onChanged }: { communityId: string; year: number; onChanged: () => void }) {
  const [page, setPage] = useState(1)
  const [listKey, setListKey] = useState(0)
  const [form, setForm] = useState({ title: '', issuedBy: '', issuedAt: todayText() })
  const [file, setFile] = useState<PickedFile | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const { busy, error, setError, submit } = useSubmit()
  const remote = useRemote(() => callFunction('ledger', { action: 'documentList', communityId, year, page, pageSize: DOC_PAGE }), `${communityId}|${year}|${page}|${listKey}`)
  const changed = () => {
    setListKey((k) => k + 1)
    onChanged()
  }

  const add = async () => {
    setAdded(null)
    if (!file) {
      setError('请先选择要上传的文件')
      return
    }
    const kind = documentUploadKind(file.bytes)
    if (!kind) {
      setError(NOT_DOCUMENT_MESSAGE)
      return
    }
    const call = { action: 'documentAdd' as const, communityId, year, fileID: 'pending', ...form }
    const saved = await submit(ledgerContract, call, async () => {
      const uploaded = await uploadFile(kind, file)
      return uploaded.ok ? callFunction('ledger', { ...call, fileID: uploaded.data.fileID }) : uploaded
    })
    if (!saved) return
    setAdded(`已归档：${saved.title}`)
    setForm({ title: '', issuedBy: '', issuedAt: todayText() })
    setFile(null)
    changed()
  }

  const remove = async (documentId: string) => {
    const result = await callFunction('ledger', { action: 'documentRemove', documentId })
    if (!result.ok) setError(result.message)
    else changed()
  }

  const d = remote.data
  return (
    <View className='card no-print' id='ledger-documents'>
      <Text className='card__title'>文件清单：上级文件和工作机制材料</Text>
      {d === null ? (
        <RemoteState remote={remote} errorId='ledger-documents-error' />
      ) : d.rows.length === 0 ? (
        <EmptyState id='ledger-documents-empty' title='还没有文件' text={`上传${year}年的上级文件、工作方案等，归入“一、文件清单”。`} />
      ) : (
        <View id='ledger-documents-list'>
          {d.rows.map((doc) => (
            <View key={doc.documentId} className='ledger-doc' id={`ledger-doc-${doc.documentId}`}>
              <Text className='ledger-doc__title'>{doc.title}</Text>
              <Text className='muted'>{`${doc.issuedBy} · ${dateText(doc.issuedAt)} · ${DOCUMENT_FORMAT_LABELS[doc.format] ?? doc.format}${doc.note ? ` · ${doc.note}` : ''}`}</Text>
              <View className='actions'>
                {doc.url ? (
                  <Button className='btn-mini btn-mini--grey ledger-doc-open' onClick={() => openDocument(doc.url, doc.format)}>
                    打开
                  </Button>
                ) : null}
                <Button className='btn-mini btn-mini--grey ledger-doc-remove' onClick={() => void remove(doc.documentId)}>
                  删除
                </Button>
              </View>
            </View>
          ))}
          <Pager idPrefix='ledger-documents' page={page} pages={Math.ceil(d.total / DOC_PAGE)} onPage={setPage} />
        </View>
      )}
      <View className='ledger-doc-form' id='ledger-doc-form'>
        <TextField id='ledger-doc-title' label='文件标题' required maxlength={80} value={form.title} onChange={(title) => setForm({ ...form, title })} />
        <TextField id='ledger-doc-issuer' label='发文单位' required maxlength={60} value={form.issuedBy} onChange={(issuedBy) => setForm({ ...form, issuedBy })} />
        <TextField id='ledger-doc-date' label='发文日期' required placeholder='2026-03-01' value={form.issuedAt} onChange={(issuedAt) => setForm({ ...form, issuedAt })} />
        <FilePicker
          id='ledger-doc-file'
          label='选择文件（PDF / 图片 / Word）'
          extensions={DOCUMENT_EXTENSIONS}
          refusal={NOT_DOCUMENT_MESSAGE}
          accept='.pdf,.docx,image/*'
          busy={busy}
          onPicked={(picked) => {
            setError(null)
            setFile(picked)
          }}
          onError={setError}
        />
        {file ? <Text className='muted' id='ledger-doc-picked'>{`已选择：${file.name}`}</Text> : null}
        <Notice id='ledger-doc-error' tone='error' text={error} />
        <Notice id='ledger-doc-added' tone='success' text={added} />
        <Button className='btn btn--primary btn--block' id='ledger-doc-add' disabled={busy || undefined} onClick={() => void add()}>
          {busy ? '上传中…' : '上传并归档'}
        </Button>
      </View>
    </View>
  )
}
