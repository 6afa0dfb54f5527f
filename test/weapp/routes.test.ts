import { addMember, seedCity, USERS } from '../integration/support/fixture'
import { openLocalCloud, type LocalCloud } from './support/cloud'
import { bootMiniProgram, readAppJson, type MiniProgram } from './support/mini-program'
import { waitForText } from './support/wait'

// Every route of the built app.json (pages and subpackages) opens in the
// simulated mini-program as a user of the role it is for, renders that
// role's content from the real functions, and logs no error.

const app = readAppJson()
const routes = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]

// Who opens a route: the role its package is for; tab pages as a unit secretary.
const USER_BY_PACKAGE: Record<string, string> = {
  pages: USERS.secretary1,
  'packages/unit': USERS.secretary1,
  'packages/staff': USERS.staffA1,
  'packages/admin': USERS.district,
  'packages/member': 'm-wang',
  'packages/resident': USERS.residentA1,
  'packages/centre': USERS.volunteerCentre,
  // Every role opens it (我的 → 消息提醒); a member here.
  'packages/common': 'm-wang',
}
const packageOf = (route: string) => (route.startsWith('pages/') ? 'pages' : route.split('/').slice(0, 2).join('/'))
const packages = [...new Set(routes.map(packageOf))]
const byPackage = packages.map((pkg) => [pkg, routes.filter((route) => packageOf(route) === pkg)] as const)

let cloud: LocalCloud
const errors: unknown[][] = []

beforeAll(async () => {
  cloud = await openLocalCloud(async (db) => {
    await seedCity(db)
    await addMember(db, { id: 'm-wang', unit: 'u1', community: 'a1', name: '王芳', mobile: '13900000001' })
  })
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterAll(() => cloud.close())
beforeEach(() => {
  errors.length = 0
})

it('every package has a user to open it', () => {
  expect(byPackage.map(([pkg]) => pkg).filter((pkg) => !USER_BY_PACKAGE[pkg])).toEqual([])
})

describe.each(byPackage)('%s', (pkg, pages) => {
  let mp: MiniProgram
  beforeAll(() => {
    cloud.signInAs(USER_BY_PACKAGE[pkg]!)
    mp = bootMiniProgram({ cloud: cloud.wxCloud })
  })

  it.each(pages)('%s renders for its user without errors', async (route) => {
    const before = cloud.calls.length
    const page = mp.open(route)
    // Every page starts with the session (bootstrap), then shows its own content.
    const text = await waitForText(() => page.text(), /^(?!.*(正在加载|加载中|正在查询)).+$/, route)
    expect(text).not.toMatch(/加载失败|出错|暂无办理权限|未登记/)
    expect(cloud.calls.slice(before).filter((c) => !c.result?.ok)).toEqual([])
    expect(errors).toEqual([])
    page.detach()
  })
})
