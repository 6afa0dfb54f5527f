import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { ROSTER_FILTERS, type RosterImportResult, type RosterRow } from '../../../domain/contracts/roster.contract'
import { EmptyState } from '../../../components/empty-state'
import { Pager } from '../../../components/pager'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { RosterFilePicker } from './import-file'
import type { PickedFile } from '../../../services/picked-file'
import { uploadFile } from '../../../services/upload-file'
import { MemberEditor } from './member-editor'
import '../../../components/ui.css'
import './index.css'
import { KeyValue } from '../../../components/key-value'

type Filter = (typeof ROSTER_FILTERS)[number]
const FILTER_LABELS: Record<Filter, string> = { all: '全部', unreported: '未报到', overdue: '逾期未报到' }
const PAGE_SIZE = 20
const CARDS_URL = '/packages/unit/cards/index'
const RECEIPT_URL = '/packages/unit/receipt/index'

function isFilter(value: unknown): value is Filter {
  return typeof value === 'string' && (ROSTER_FILTERS as readonly string[]).includes(value)
}

// 党员名册 (roster.manage): the unit's members (附件3), who has reported and
// who is overdue; import a roster file; add or edit a member; issue, revoke
// and reissue 联系证 and print them.
export default function RosterPage() {
  const { params } = useRouter()
  const initial = isFilter(params.filter) ? params.filter : 'all'
  return (
    <RolePage id='page-roster' roles={['secretary', 'liaison']}>
      {(grant) =>
        grant.scope.unitId ? (
          <Roster unitId={grant.scope.unitId} unitName={grant.scopeName} initialFilter={initial} isSecretary={grant.role === 'secretary'} />
        ) : (
          <EmptyState title='未绑定单位' text='您的身份没有绑定单位，请联系区委组织部。' />
        )
      }
    </RolePage>
  )
}

function Roster({ unitId, unitName, initialFilter, isSecretary }: { unitId: string; unitName: string; initialFilter: Filter; isSecretary: boolean }) {
  const [filter, setFilter] = useState<Filter>(initialFilter)
  const [page, setPage] = useState(1)
  const [view, setView] = useState<'list' | 'import' | { edit: RosterRow | null }>('list')
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const remote = useRemote(
    () => callFunction('roster', { action: 'list', unitId, filter, page, pageSize: PAGE_SIZE }),
    `${unitId}|${filter}|${page}`,
  )

  const cardAction = async (action: 'issue' | 'revoke', row: RosterRow): Promise<boolean> => {
    const result = await callFunction('card', { action, memberId: row.memberId })
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message })
      return false
    }
    return true
  }

  const issue = async (row: RosterRow) => {
    setBusy(true)
    if (await cardAction('issue', row)) setMessage({ tone: 'success', text: `已为${row.name}发放联系证` })
    setBusy(false)
    await remote.reload()
  }

  const revoke = async (row: RosterRow) => {
    const answer = await Taro.showModal({ title: '作废联系证', content: `作废后${row.name}的联系证 ${row.cardNo ?? ''} 不能再用于报到。确认作废？`, confirmText: '作废' })
    if (!answer.confirm) return
    setBusy(true)
    if (await cardAction('revoke', row)) setMessage({ tone: 'success', text: `已作废${row.name}的联系证` })
    setBusy(false)
    await remote.reload()
  }

  const reissue = async (row: RosterRow) => {
    if (row.cardStatus === 'active') {
      const answer = await Taro.showModal({ title: '补发联系证', content: `补发后原联系证 ${row.cardNo ?? ''} 作废，二维码随之失效。确认补发？`, confirmText: '补发' })
      if (!answer.confirm) return
    }
    // Issuing again is a reissue: the server revokes the old card in the same step.
    setBusy(true)
    if (await cardAction('issue', row)) setMessage({ tone: 'success', text: `已为${row.name}补发联系证` })
    setBusy(false)
    await remote.reload()
  }

  // 绑定码: for a member whose WeChat phone number is not the roster's; shown once, handed over in person.
  const bindingCode = async (row: RosterRow) => {
    setBusy(true)
    const result = await callFunction('roster', { action: 'bindingCode', unitId, memberId: row.memberId })
    setBusy(false)
    if (!result.ok) return setMessage({ tone: 'error', text: result.message })
    await Taro.showModal({
      title: '绑定码',
      content: `${result.data.memberName}的绑定码：${result.data.code}\n${dateText(result.data.expiresAt)}前有效，只能使用一次，之前生成的绑定码随之失效。请当面交给本人：在小程序中扫描联系证后填写此绑定码完成绑定。`,
      showCancel: false,
      confirmText: '已记下',
    })
  }

  if (view === 'import') {
    return (
      <RosterImport
        unitId={unitId}
        onDone={(text) => {
          setView('list')
          if (text) {
            setMessage({ tone: 'success', text })
            void remote.reload()
          }
        }}
      />
    )
  }
  if (typeof view === 'object') {
    return (
      <MemberEditor
        unitId={unitId}
        row={view.edit ?? undefined}
        onDone={(saved) => {
          setView('list')
          if (saved) {
            setMessage({ tone: 'success', text: '党员信息已保存' })
            void remote.reload()
          }
        }}
      />
    )
  }

  const list = remote.data
  const pages = list ? Math.max(1, Math.ceil(list.total / (list.pageSize || PAGE_SIZE))) : 1
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${unitName}党员名册`}</Text>
        <Text className='page-head__sub' id='roster-total'>
          {list ? `${FILTER_LABELS[filter]} ${list.total} 人` : ' '}
        </Text>
      </View>
      <View className='card roster-tools'>
        <View className='btn-row'>
          <Button className='btn-mini btn-mini--primary' id='roster-add' onClick={() => setView({ edit: null })}>
            添加党员
          </Button>
          <Button className='btn-mini' id='roster-import' onClick={() => setView('import')}>
            导入名册
          </Button>
          <Button className='btn-mini' id='roster-print-all' onClick={() => void Taro.navigateTo({ url: `${CARDS_URL}?unitId=${encodeURIComponent(unitId)}` })}>
            打印联系证
          </Button>
        </View>
      </View>
      <View className='tabs' id='roster-filters'>
        {ROSTER_FILTERS.map((f) => (
          <Text
            key={f}
            className={f === filter ? 'tabs__item tabs__item--active' : 'tabs__item'}
            id={`roster-filter-${f}`}
            onClick={() => {
              setFilter(f)
              setPage(1)
            }}
          >
            {FILTER_LABELS[f]}
          </Text>
        ))}
      </View>
      <Notice id={message?.tone === 'error' ? 'roster-error' : 'roster-message'} tone={message?.tone} text={message?.text} />
      {list === null ? (
        <RemoteState remote={remote} />
      ) : list.rows.length === 0 ? (
        <EmptyState
          id='roster-empty'
          title={filter === 'all' ? '名册还是空的' : `没有${FILTER_LABELS[filter]}的党员`}
          text={filter === 'all' ? '请导入名册文件或逐个添加党员。' : '名册中的党员都不在此列。'}
        />
      ) : (
        <View id='roster-list'>
          {list.rows.map((row) => (
            <RosterItem
              key={row.memberId}
              row={row}
              busy={busy}
              onIssue={() => void issue(row)}
              onRevoke={() => void revoke(row)}
              onReissue={() => void reissue(row)}
              onPrint={() =>
                void Taro.navigateTo({ url: `${CARDS_URL}?unitId=${encodeURIComponent(unitId)}&memberId=${encodeURIComponent(row.memberId)}` })
              }
              onEdit={() => setView({ edit: row })}
              onBindingCode={isSecretary ? () => void bindingCode(row) : undefined}
            />
          ))}
          <Pager idPrefix='roster' page={page} pages={pages} onPage={setPage} />
        </View>
      )}
    </View>
  )
}

interface ItemProps {
  row: RosterRow
  busy: boolean
  onIssue: () => void
  onRevoke: () => void
  onReissue: () => void
  onPrint: () => void
  onEdit: () => void
  /** Only the unit's secretary makes 绑定码. */
  onBindingCode?: () => void
}

function RosterItem({ row, busy, onIssue, onRevoke, onReissue, onPrint, onEdit, onBindingCode }: ItemProps) {
  // A member who has reported has a receipt (回执) for the unit.
  const { reportId } = row
  return (
    <View className='card roster-row' id={`roster-row-${row.memberId}`}>
      <View className='roster-row__head'>
        <Text className='roster-row__name'>{row.name}</Text>
        <Text className='muted'>{[row.gender, row.jobTitle].filter(Boolean).join(' · ')}</Text>
        {row.reportedAt ? (
          <Text className='badge badge--green roster-row__reported'>已报到</Text>
        ) : row.overdue ? (
          <Text className='badge badge--red roster-row__overdue'>逾期未报到</Text>
        ) : (
          <Text className='badge badge--grey roster-row__unreported'>未报到</Text>
        )}
      </View>
      <KeyValue label='手机'>{row.mobile}</KeyValue>
      <KeyValue label='居住社区'>{row.communityName}</KeyValue>
      {row.branchName ? <KeyValue label='所在支部' valueClass='roster-row__branch'>{row.branchName}</KeyValue> : null}
      <KeyValue label='报到情况' valueClass='roster-row__report'>
        {row.reportedAt
          ? `${dateText(row.reportedAt)} 报到${row.reportedCommunityName ? `（${row.reportedCommunityName}）` : ''}`
          : `应于${dateText(row.dueAt)}前报到`}
      </KeyValue>
      <KeyValue label='联系证' valueClass='roster-row__card'>
        {row.cardNo ? `${row.cardNo}${row.cardStatus === 'revoked' ? '（已作废）' : '（有效）'}` : '未发放'}
      </KeyValue>
      <View className='btn-row'>
        {row.cardStatus === null ? (
          <Button className='btn-mini btn-mini--primary roster-issue' disabled={busy || undefined} onClick={onIssue}>
            发放联系证
          </Button>
        ) : (
          <Button className='btn-mini roster-reissue' disabled={busy || undefined} onClick={onReissue}>
            补发
          </Button>
        )}
        {row.cardStatus === 'active' ? (
          <>
            <Button className='btn-mini btn-mini--grey roster-revoke' disabled={busy || undefined} onClick={onRevoke}>
              作废
            </Button>
            <Button className='btn-mini roster-print-card' onClick={onPrint}>
              打印
            </Button>
            {onBindingCode ? (
              <Button className='btn-mini btn-mini--grey roster-binding-code' disabled={busy || undefined} onClick={onBindingCode}>
                绑定码
              </Button>
            ) : null}
          </>
        ) : null}
        <Button className='btn-mini btn-mini--grey roster-edit' onClick={onEdit}>
          编辑
        </Button>
        {reportId ? (
          <Button className='btn-mini roster-receipt' onClick={() => void Taro.navigateTo({ url: `${RECEIPT_URL}?reportId=${encodeURIComponent(reportId)}` })}>
            回执
          </Button>
        ) : null}
      </View>
    </View>
  )
}

function RosterImport({ unitId, onDone }: { unitId: string; onDone: (message: string | null) => void }) {
  // The file goes to cloud storage first; the function is then told its fileID.
  const [file, setFile] = useState<{ name: string; fileID: string } | null>(null)
  const [checked, setChecked] = useState<RosterImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = (fileID: string, mode: 'check' | 'commit', onlyValid = false) =>
    callFunction('roster', { action: 'import', unitId, fileID, mode, onlyValid })

  const onPicked = async (picked: PickedFile) => {
    setFile(null)
    setChecked(null)
    setError(null)
    setBusy(true)
    const uploaded = await uploadFile('spreadsheet', picked)
    const result = uploaded.ok ? await send(uploaded.data.fileID, 'check') : uploaded
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    if (uploaded.ok) setFile({ name: picked.name, fileID: uploaded.data.fileID })
    setChecked(result.data)
  }

  const commit = async (onlyValid: boolean) => {
    if (!file) return
    setBusy(true)
    const result = await send(file.fileID, 'commit', onlyValid)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    onDone(`名册已导入：新增 ${result.data.created} 人，更新 ${result.data.updated} 人`)
  }

  return (
    <View id='roster-import-panel'>
      <View className='card'>
        <Text className='card__title'>导入党员名册</Text>
        <Text className='card__text'>先检查文件内容，确认无误后再导入。手机号已在本单位名册中的党员，按文件内容更新。</Text>
        <RosterFilePicker busy={busy} onPicked={(f) => void onPicked(f)} onError={setError} />
      </View>
      {busy ? <Text className='loading-line'>正在处理…</Text> : null}
      <Notice id='roster-import-error' tone='error' text={error} />
      {checked && file ? (
        <View className='card' id='roster-import-result'>
          <Text className='card__title'>{file.name}</Text>
          <Text className='card__text' id='roster-import-summary'>
            {`共 ${checked.rows} 行，有效 ${checked.valid} 行，有问题 ${checked.errors.length} 行`}
          </Text>
          {checked.errors.length > 0 ? (
            <View id='roster-import-errors'>
              {checked.errors.map((e) => (
                <Text key={e.row} className='roster-import-error'>
                  {`第 ${e.row} 行：${e.messages.join('；')}`}
                </Text>
              ))}
            </View>
          ) : null}
          <View className='btn-row roster-import-actions'>
            <Button className='btn-mini btn-mini--primary' id='roster-import-all' disabled={busy || checked.errors.length > 0 || checked.valid === 0 || undefined} onClick={() => void commit(false)}>
              导入全部
            </Button>
            {checked.errors.length > 0 ? (
              <Button className='btn-mini' id='roster-import-valid' disabled={busy || checked.valid === 0 || undefined} onClick={() => void commit(true)}>
                {`仅导入有效行（${checked.valid} 行）`}
              </Button>
            ) : null}
          </View>
          {checked.errors.length > 0 ? <Text className='field__hint'>有问题的行请在文件中改正后重新选择文件，或只导入有效行。</Text> : null}
        </View>
      ) : null}
      <View className='actions'>
        <Button className='btn btn--plain' id='roster-import-close' onClick={() => onDone(null)}>
          返回名册
        </Button>
      </View>
    </View>
  )
}
