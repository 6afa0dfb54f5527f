import type { Education, Gender } from '../../../domain/member'
import type { Claim, Registration, RegistrationFields, RegistrationView } from '../../../domain/contracts/report.contract'

// The 附件1 form as the page edits it: strings as typed, claims split into
// catalog posts and 个人自选 texts. `toInput` turns it into what
// registrationSchema (and the server) reads.


export interface FormState extends Omit<RegistrationFields, 'gender' | 'education'> {
  gender: Gender | ''
  education: Education | ''
  willingLiaison: boolean | null
  /** Catalog posts in the order they were tapped. */
  postIds: string[]
  /** 个人自选 items. */
  customs: string[]
}

export function fromView(form: Partial<Registration> | undefined): FormState {
  const f = form ?? {}
  const claims: Claim[] = f.claims ?? []
  return {
    gender: f.gender ?? '',
    birthMonth: f.birthMonth ?? '',
    joinPartyMonth: f.joinPartyMonth ?? '',
    education: f.education ?? '',
    hobbies: f.hobbies ?? '',
    officePhone: f.officePhone ?? '',
    // A masked number (138****5678) is for reading only; it has to be typed again.
    mobile: f.mobile && !f.mobile.includes('*') ? f.mobile : '',
    qq: f.qq ?? '',
    address: f.address ?? '',
    jobTitle: f.jobTitle ?? '',
    willingLiaison: typeof f.willingLiaison === 'boolean' ? f.willingLiaison : null,
    postIds: claims.flatMap((c) => ('postId' in c ? [c.postId] : [])),
    customs: claims.flatMap((c) => ('custom' in c ? [c.custom] : [])),
  }
}

/** The object registrationSchema validates (empty choices stay undefined so the schema names them). */
export function toInput(state: FormState): Record<string, unknown> {
  return {
    gender: state.gender || undefined,
    birthMonth: state.birthMonth,
    joinPartyMonth: state.joinPartyMonth,
    education: state.education || undefined,
    hobbies: state.hobbies,
    officePhone: state.officePhone,
    mobile: state.mobile,
    qq: state.qq,
    address: state.address,
    jobTitle: state.jobTitle,
    willingLiaison: state.willingLiaison ?? undefined,
    claims: [...state.postIds.map((postId) => ({ postId })), ...state.customs.map((custom) => ({ custom }))],
  }
}

export function claimCount(state: FormState): number {
  return state.postIds.length + state.customs.length
}

/** Display names of the claims, e.g. "便民服务项目 · 水电维修", "个人自选 · 家电清洗". */
export function claimNames(state: Pick<FormState, 'postIds' | 'customs'>, catalog: RegistrationView['catalog']): string[] {
  const names = new Map<string, string>()
  for (const group of catalog) for (const post of group.posts) names.set(post.postId, `${group.categoryName} · ${post.name}`)
  return [...state.postIds.map((id) => names.get(id) ?? id), ...state.customs.map((text) => `个人自选 · ${text}`)]
}
