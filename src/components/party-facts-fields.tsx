import type { Education, Gender } from '../domain/member'
import { EDUCATIONS, GENDERS } from '../domain/member'
import { ChoiceChips } from './chips'
import { FieldRow, TextField } from './field'

// 性别, 出生年月, 入党时间, 文化程度: asked alike by the 附件1 registration and
// the unit's roster editor (附件3), so both forms show and validate them alike.

export interface PartyFacts {
  gender: Gender | ''
  birthMonth: string
  joinPartyMonth: string
  education: Education | ''
}

interface Props {
  /** Field ids are `<idPrefix>-gender`, `<idPrefix>-birthMonth`, … (tests use them). */
  idPrefix: string
  values: PartyFacts
  onChange: (patch: Partial<PartyFacts>) => void
}

export function PartyFactsFields({ idPrefix, values, onChange }: Props) {
  return (
    <>
      <FieldRow label='性别' required>
        <ChoiceChips id={`${idPrefix}-gender`} options={GENDERS} value={values.gender || null} onChange={(gender) => onChange({ gender })} />
      </FieldRow>
      <TextField id={`${idPrefix}-birthMonth`} label='出生年月' required placeholder='如 1985-07' value={values.birthMonth} onChange={(birthMonth) => onChange({ birthMonth })} />
      <TextField id={`${idPrefix}-joinPartyMonth`} label='入党时间' required placeholder='如 2008-06' value={values.joinPartyMonth} onChange={(joinPartyMonth) => onChange({ joinPartyMonth })} />
      <FieldRow label='文化程度' required>
        <ChoiceChips id={`${idPrefix}-education`} options={EDUCATIONS} value={values.education || null} onChange={(education) => onChange({ education })} />
      </FieldRow>
    </>
  )
}
