import type { Page } from 'playwright-core'
import { buildDemoData } from '../../local/seed/demo-data'
import { phoneContext, screenshotPath } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'
import { shot } from './support/phone-page'
import { signInAs } from './support/sign-in'

// 结对帮扶 on the h5 build against the real runtime, each person in their own
// browser: the staff register a 摸底 target (an ID-card number in 家庭情况 is
// refused), pair it with a member living in the community; the member sees the
// target on their phone and records a visit; the staff print the 结对帮扶登记表
// and find the visit in it.

const runtime = useRuntimeAndBrowser()
const demo = buildDemoData()
const member = demo.members[0]! // demo-member-1, lives in 曙光社区 (demo-staff-1's)
const unitName = demo.units.find((u) => u._id === member.unitId)!.name
const TARGET = '测试对象甲'

async function phoneAs(openid: string): Promise<Page> {
  const context = await phoneContext(runtime.browser, runtime.server.baseURL)
  const page = await context.newPage()
  await signInAs(page, openid)
  return page
}

it('staff register and pair a target → the member records a visit → the 登记表 lists it', async () => {
  const staff = await phoneAs('demo-staff-1')
  try {
    await staff.goto('/#/packages/staff/targets/index')
    const form = staff.locator('#page-targets #target-form')
    await form.waitFor({ state: 'visible' })
    await staff.locator('#target-name input').fill(TARGET)
    await staff.locator('#target-birthMonth input').fill('1940-05')
    await staff.locator('#target-address input').fill('文一路88号2单元301室')
    await staff.locator('#target-mobile input').fill('13912345678')
    await staff.locator('#target-categories .chip', { hasText: '孤寡老人' }).tap()
    await staff.locator('#target-surveyor input').fill('李娜')
    await staff.locator('#target-family textarea').fill('独居，身份证330106194005051234')
    await staff.locator('#target-save').tap()
    await staff.locator('#targets-error', { hasText: '请勿填写身份证号码' }).waitFor()
    await staff.locator('#target-family textarea').fill('独居，子女在外地')
    await staff.locator('#target-needs textarea').fill('代购药品')
    await staff.locator('#target-save').tap()

    const row = staff.locator('.target-row', { hasText: TARGET })
    await row.waitFor({ state: 'visible' })
    await row.locator('.target-pair').tap()
    await row.locator('.pairing-member', { hasText: member.name }).filter({ hasText: unitName }).first().tap()
    await row.locator('#pairing-save').tap()
    await row.locator('.target-paired', { hasText: member.name }).waitFor()
    await shot(staff, 'assistance-staff-paired')

    const phone = await phoneAs('demo-member-1')
    try {
      await phone.goto('/#/packages/member/pairings/index')
      const card = phone.locator('.pairing-row', { hasText: TARGET })
      await card.waitFor({ state: 'visible' })
      // Paired now: the member sees the target's number to call.
      await card.locator('.kv', { hasText: '13912345678' }).waitFor()
      await card.locator('.visit-add').tap()
      await card.locator('#visit-content textarea').fill('送药上门，陪老人聊天')
      await card.locator('#visit-save').tap()
      await card.locator('.pairing-visit', { hasText: '送药上门，陪老人聊天' }).waitFor()
      await shot(phone, 'assistance-member-visit')
    } finally {
      await phone.context().close()
    }

    await staff.goto('/#/packages/staff/sheet/index?kind=pairings')
    const printed = staff.locator('#sheet-table .sheet-row', { hasText: TARGET })
    await printed.waitFor({ state: 'visible' })
    expect(await printed.textContent()).toContain('送药上门，陪老人聊天')
    expect(await printed.textContent()).toContain(member.name)
  } finally {
    await staff.screenshot({ path: screenshotPath('assistance-last'), fullPage: true }).catch(() => undefined)
    await staff.context().close()
  }
})
