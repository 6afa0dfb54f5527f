import { branchName } from '../../../src/domain/contracts/roster.contract'
import { FIELD_LABELS } from '../../../src/domain/field-labels'
import { checkMemberDates, memberFieldsSchema, type MemberFields } from '../../../src/domain/member'
import type { CommunityDoc } from '../../db/docs'
import { cellEducation, cellGender, cellMobile, cellMonth, cellText } from './roster-cells'
import type { RosterSheetRow } from './roster-sheet-reader'

// One spreadsheet row → a member's fields, or every problem with it in Chinese.

export interface CheckedRow {
  row: number
  fields: MemberFields | null
  community: CommunityDoc | null
  /** 所在支部 as written ('' for none); undefined when the sheet has no such column. */
  branchName?: string
  messages: string[]
}

// Stands in for an unknown community so the schema still checks the other fields.
const UNRESOLVED = '\u0000unresolved'

function labelled(field: string, message: string): string {
  const label = FIELD_LABELS[field] ?? field
  return message.includes(label) || (field === 'mobile' && message.includes('手机')) ? message : `${label}：${message}`
}

export function checkRosterRow(sheetRow: RosterSheetRow, findCommunity: (name: string) => CommunityDoc | undefined, now: Date): CheckedRow {
  const { cells } = sheetRow
  const messages: string[] = []
  const communityName = cellText(cells['居住社区'])
  const community = communityName ? (findCommunity(communityName) ?? null) : null
  if (!communityName) messages.push('请填写居住社区')
  else if (!community) messages.push(`居住社区“${communityName}”不在本区社区名单中`)

  const parsed = memberFieldsSchema.safeParse({
    name: cellText(cells['姓名']),
    gender: cellGender(cells['性别']),
    birthMonth: cellMonth(cells['出生年月']),
    joinPartyMonth: cellMonth(cells['入党时间']),
    education: cellEducation(cells['文化程度']),
    specialty: cellText(cells['专业特长']),
    officePhone: cellText(cells['办公电话']),
    mobile: cellMobile(cells['手机']),
    communityId: community?._id ?? UNRESOLVED,
    jobTitle: cellText(cells['工作职务']),
  })
  const branch = cells['所在支部'] === undefined ? undefined : branchName.safeParse(cellText(cells['所在支部']))
  if (branch && !branch.success) messages.push(...branch.error.issues.map((issue) => issue.message))
  const branchOf = branch?.success ? { branchName: branch.data } : {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) messages.push(labelled(String(issue.path[0] ?? ''), issue.message))
    return { row: sheetRow.row, fields: null, community, ...branchOf, messages }
  }
  messages.push(...checkMemberDates(parsed.data, now))
  return { row: sheetRow.row, fields: messages.length === 0 ? parsed.data : null, community, ...branchOf, messages }
}

/** A mobile twice in one file is an error on every row that has it: the file cannot say which one is right. */
export function flagDuplicateMobiles(rows: CheckedRow[], mobileOf: (row: CheckedRow) => string): void {
  const byMobile = new Map<string, CheckedRow[]>()
  for (const row of rows) {
    const mobile = mobileOf(row)
    if (mobile) byMobile.set(mobile, [...(byMobile.get(mobile) ?? []), row])
  }
  for (const [mobile, same] of byMobile) {
    if (same.length < 2) continue
    for (const row of same) {
      const others = same.filter((r) => r !== row).map((r) => `第${r.row}行`)
      row.messages.push(`手机号码 ${mobile} 与${others.join('、')}重复`)
      row.fields = null
    }
  }
}
