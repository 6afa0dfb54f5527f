// Who may act, and where. A user holds one or more grants; each grant is a role
// bound to the scope it acts in (a unit, a community, a street or the district).

export const ROLES = [
  'member', // 在职党员: belongs to unit U, lives in community C
  'staff', // 社区工作人员 of community C
  'secretary', // 单位党组织书记 of unit U
  'liaison', // 单位联络员 of unit U
  'resident', // 居民 of community C
  'streetAdmin', // 街道 organisation staff of street S
  'districtAdmin', // 区委组织部 of district D
  'volunteerCentre', // 区志愿者工作指导中心 of district D: coordinates the 志愿专业服务 items (002 §三.4)
] as const

export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  member: '在职党员',
  staff: '社区工作人员',
  secretary: '单位书记',
  liaison: '单位联络员',
  resident: '居民',
  streetAdmin: '街道管理员',
  districtAdmin: '区委组织部',
  volunteerCentre: '区志愿者工作指导中心',
}

export interface Scope {
  districtId?: string
  streetId?: string
  communityId?: string
  unitId?: string
  memberId?: string
  /** A member grant's branch, read with its unit and community (principal.ts); never an anchor. */
  branchId?: string
}

export interface Grant {
  role: Role
  scope: Scope
  /**
   * The own name of the place the grant is anchored on (a staff grant: its
   * community), copied when granted: places are never renamed, so a handler
   * needs no read for it. Grants made before it was kept lack it.
   */
  placeName?: string
}

/** The caller as the server knows them, resolved from the trusted OPENID. */
export interface Principal {
  userId: string
  openid: string
  name: string
  grants: Grant[]
}
