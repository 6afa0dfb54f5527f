import { useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import { inChina } from '../../../domain/china-time'
import { rosterContract, type CommunityChoice, type RosterMember, type RosterRow } from '../../../domain/contracts/roster.contract'
import { checkMemberDates, EDUCATIONS, GENDERS, type Education, type Gender } from '../../../domain/member'
import type { Result } from '../../../domain/result'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { PartyFactsFields } from '../../../components/party-facts-fields'
import { RemoteState } from '../../../components/remote-state'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { checkCall } from '../../../services/validate'

interface Props {
  unitId: string
  /** The row being edited; absent to add a member. */
  row?: RosterRow
  onDone: (saved: boolean) => void
}

interface Draft {
  name: string
  gender: Gender | ''
  birthMonth: string
  joinPartyMonth: string
  education: Education | ''
  specialty: string
  officePhone: string
  mobile: string
  communityId: string
  jobTitle: string
  joinedUnitAt: string
  branchName: string
}

interface EditorData {
  choices: CommunityChoice[]
  /** The member's full record when editing; null when adding. */
  member: RosterMember | null
}

const EMPTY: Draft = {
  name: '',
  gender: '',
  birthMonth: '',
  joinPartyMonth: '',
  education: '',
  specialty: '',
  officePhone: '',
  mobile: '',
  communityId: '',
  jobTitle: '',
  joinedUnitAt: '',
  branchName: '',
}

/** The communities to choose from and, to edit, the member's full record (the roster row has only some fields). */
async function loadEditor(unitId: string, memberId: string | undefined): Promise<Result<EditorData>> {
  const [choices, member] = await Promise.all([
    callFunction('roster', { action: 'communities', unitId }),
    memberId ? callFunction('roster', { action: 'get', unitId, memberId }) : Promise.resolve(null),
  ])
  if (!choices.ok) return choices
  if (member && !member.ok) return member
  return { ok: true, data: { choices: choices.data, member: member ? member.data : null } }
}

function draftOf(member: RosterMember | null): Draft {
  if (!member) return EMPTY
  const oneOf = <T extends string>(options: readonly T[], value: string): T | '' => ((options as readonly string[]).includes(value) ? (value as T) : '')
  return {
    name: member.name,
    gender: oneOf(GENDERS, member.gender),
    birthMonth: member.birthMonth,
    joinPartyMonth: member.joinPartyMonth,
    education: oneOf(EDUCATIONS, member.education),
    specialty: member.specialty,
    officePhone: member.officePhone,
    mobile: member.mobile,
    communityId: member.communityId,
    jobTitle: member.jobTitle,
    joinedUnitAt: member.joinedUnitAt ? inChina(new Date(member.joinedUnitAt)).format('YYYY-MM-DD') : '',
    branchName: member.branchName,
  }
}

/** "街道 · 社区", as the picker lists them. */
function choiceLabel(choice: CommunityChoice): string {
  return choice.streetName ? `${choice.streetName} · ${choice.name}` : choice.name
}

/** The choices, plus the member's present community when it lies outside them (another district's), so an edit keeps it. */
function optionsFor(data: EditorData): CommunityChoice[] {
  const { choices, member } = data
  if (!member || choices.some((c) => c.communityId === member.communityId)) return choices
  return [{ communityId: member.communityId, name: member.communityName || member.communityId, streetName: '' }, ...choices]
}

// Add or edit one member (附件3 fields + 居住社区 + 工作职务). An edit starts
// from the member's full record (roster `get`); 居住社区 is chosen from the
// communities of the unit's district (roster `communities`).
export function MemberEditor({ unitId, row, onDone }: Props) {
  const memberId = row?.memberId
  const remote = useRemote(() => loadEditor(unitId, memberId), `${unitId}|${memberId ?? ''}`)
  const title = row ? `修改党员信息：${row.name}` : '添加党员'
  if (remote.data === null) {
    return (
      <View id='roster-editor'>
        <View className='card'>
          <Text className='card__title'>{title}</Text>
          <RemoteState remote={remote} errorId='editor-load-error' />
        </View>
        <View className='actions'>
          <Button className='btn btn--plain' id='editor-cancel' onClick={() => onDone(false)}>
            取消
          </Button>
        </View>
      </View>
    )
  }
  return <EditorForm unitId={unitId} memberId={memberId} title={title} data={remote.data} onDone={onDone} />
}

interface FormProps {
  unitId: string
  memberId: string | undefined
  title: string
  data: EditorData
  onDone: (saved: boolean) => void
}

function EditorForm({ unitId, memberId, title, data, onDone }: FormProps) {
  const [initial] = useState(() => draftOf(data.member))
  const [draft, setDraft] = useState<Draft>(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const options = optionsFor(data)
  const labels = options.map(choiceLabel)
  const chosen = options.findIndex((c) => c.communityId === draft.communityId)

  const save = async () => {
    const { joinedUnitAt: joinedText, branchName, ...fields } = draft
    // The join date is sent only when typed or changed, so an edit does not rewrite it.
    const joinedUnitAt = joinedText.trim() !== initial.joinedUnitAt ? joinedText.trim() : ''
    const input = {
      action: 'save' as const,
      unitId,
      ...(memberId ? { memberId } : {}),
      fields: { ...fields, gender: fields.gender || undefined, education: fields.education || undefined },
      ...(joinedUnitAt ? { joinedUnitAt } : {}),
      // Sent only when typed or changed: a unit without branches never sends it.
      ...(branchName.trim() !== initial.branchName ? { branchName: branchName.trim() } : {}),
    }
    const checked = checkCall(rosterContract, input)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    if (joinedUnitAt && !/^\d{4}-\d{2}-\d{2}$/.test(joinedUnitAt)) {
      setError('入职本单位日期应为“年-月-日”格式，如 2025-03-01')
      return
    }
    const problems = checkMemberDates(checked.data.fields, new Date())
    if (problems.length > 0) {
      setError(problems[0]!)
      return
    }
    setError(null)
    setBusy(true)
    const result = await callFunction('roster', { ...input, fields: checked.data.fields })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    onDone(true)
  }

  return (
    <View id='roster-editor'>
      <View className='card'>
        <Text className='card__title'>{title}</Text>
        <TextField id='editor-name' label='姓名' required value={draft.name} onChange={(v) => set('name', v)} maxlength={20} />
        <PartyFactsFields idPrefix='editor' values={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <TextField id='editor-specialty' label='专业特长' value={draft.specialty} onChange={(v) => set('specialty', v)} maxlength={50} />
        <TextField id='editor-officePhone' label='办公电话' placeholder='如 0571-87654321' value={draft.officePhone} onChange={(v) => set('officePhone', v)} />
        <TextField id='editor-mobile' label='手机' required type='number' maxlength={11} value={draft.mobile} onChange={(v) => set('mobile', v)} />
        <FieldRow label='居住社区' required hint={options.length === 0 ? '没有可选的社区，请联系区委组织部' : undefined}>
          <Picker
            id='editor-communityId'
            className='community-picker'
            mode='selector'
            range={labels}
            value={Math.max(chosen, 0)}
            disabled={options.length === 0}
            onChange={(e) => {
              const picked = options[Number(e.detail.value)]
              if (picked) set('communityId', picked.communityId)
            }}
          >
            <View className={chosen >= 0 ? 'field__input community-picker__value' : 'field__input community-picker__value community-picker__value--empty'} id='editor-community-text'>
              {chosen >= 0 ? labels[chosen] : '请选择居住社区'}
            </View>
          </Picker>
        </FieldRow>
        <TextField id='editor-jobTitle' label='工作职务' value={draft.jobTitle} onChange={(v) => set('jobTitle', v)} maxlength={30} />
        <TextField id='editor-branchName' label='所在支部' placeholder='如 第一党支部（没有支部可不填）' value={draft.branchName} onChange={(v) => set('branchName', v)} maxlength={30} />
        <TextField
          id='editor-joinedUnitAt'
          label='入职本单位日期'
          placeholder='如 2025-03-01（新入职党员须在1个月内报到）'
          value={draft.joinedUnitAt}
          onChange={(v) => set('joinedUnitAt', v)}
        />
      </View>
      <Notice id='editor-error' tone='error' text={error} />
      <View className='actions'>
        <Button className='btn btn--primary' id='editor-save' disabled={busy || undefined} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存'}
        </Button>
        <Button className='btn btn--plain' id='editor-cancel' onClick={() => onDone(false)}>
          取消
        </Button>
      </View>
    </View>
  )
}
