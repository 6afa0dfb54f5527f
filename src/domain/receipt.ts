import { chineseDate } from './china-time'

// The receipt (回执) at the foot of 附件1: the community tells the member's unit
// that the member has reported. The wording is the form's own.

export function receiptText(memberName: string, reportedAt: Date): string {
  return `${memberName}同志，系中共党员，于${chineseDate(reportedAt)}已向我党组织报到。`
}

/** The community party organisation that stamps the receipt, when the community has no name on file for it. */
export function defaultCommunityPartyOrg(communityName: string): string {
  return `中共${communityName}委员会`
}
