import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { rosterInput, type RosterRow } from '../../../domain/contracts/roster.contract'
import { checkMemberDates, EDUCATIONS, GENDERS } from '../../../domain/member'
import { ChoiceChips } from '../../../components/chips'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { callFunction } from '../../../services/call-function'
import { check } from '../../../services/validate'

type Gender = (typeof GENDERS)[number]
type Education = (typeof EDUCATIONS)[number]

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
}

// Add or edit one member (附件3 fields + 居住社区 + 工作职务). The roster
// list carries only some fields (the mobile masked), so an edit starts from
// those and the rest are entered again.
export function MemberEditor({ unitId, row, onDone }: Props) {
  const [draft, setDraft] = useState<Draft>({
    name: row?.name ?? '',
    gender: row && (GENDERS as readonly string[]).includes(row.gender) ? (row.gender as Gender) : '',
    birthMonth: '',
    joinPartyMonth: '',
    education: '',
    specialty: '',
    officePhone: '',
    mobile: '',
    communityId: '',
    jobTitle: row?.jobTitle ?? '',
    joinedUnitAt: '',
  })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const save = async () => {
    const { joinedUnitAt, ...fields } = draft
    const input = {
      action: 'save' as const,
      unitId,
      ...(row ? { memberId: row.memberId } : {}),
      fields: { ...fields, gender: fields.gender || undefined, education: fields.education || undefined },
      ...(joinedUnitAt.trim() ? { joinedUnitAt: joinedUnitAt.trim() } : {}),
    }
    const checked = check(rosterInput, input)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    if (checked.data.action !== 'save') return
    if (joinedUnitAt.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(joinedUnitAt.trim())) {
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
        <Text className='card__title'>{row ? `修改党员信息：${row.name}` : '添加党员'}</Text>
        {row ? <Text className='field__hint'>名册只显示部分信息，修改时请完整填写各项。</Text> : null}
        <TextField id='editor-name' label='姓名' required value={draft.name} onChange={(v) => set('name', v)} maxlength={20} />
        <FieldRow label='性别' required>
          <ChoiceChips id='editor-gender' options={GENDERS} value={draft.gender || null} onChange={(v) => set('gender', v)} />
        </FieldRow>
        <TextField id='editor-birthMonth' label='出生年月' required placeholder='如 1985-07' value={draft.birthMonth} onChange={(v) => set('birthMonth', v)} />
        <TextField id='editor-joinPartyMonth' label='入党时间' required placeholder='如 2008-06' value={draft.joinPartyMonth} onChange={(v) => set('joinPartyMonth', v)} />
        <FieldRow label='文化程度' required>
          <ChoiceChips id='editor-education' options={EDUCATIONS} value={draft.education || null} onChange={(v) => set('education', v)} />
        </FieldRow>
        <TextField id='editor-specialty' label='专业特长' value={draft.specialty} onChange={(v) => set('specialty', v)} maxlength={50} />
        <TextField id='editor-officePhone' label='办公电话' placeholder='如 0571-87654321' value={draft.officePhone} onChange={(v) => set('officePhone', v)} />
        <TextField id='editor-mobile' label='手机' required type='number' maxlength={11} value={draft.mobile} onChange={(v) => set('mobile', v)} />
        <TextField
          id='editor-communityId'
          label='居住社区'
          required
          placeholder='社区编号'
          hint='暂无社区列表接口，请填写社区编号（如 community-gudang）'
          value={draft.communityId}
          onChange={(v) => set('communityId', v)}
        />
        <TextField id='editor-jobTitle' label='工作职务' value={draft.jobTitle} onChange={(v) => set('jobTitle', v)} maxlength={30} />
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
