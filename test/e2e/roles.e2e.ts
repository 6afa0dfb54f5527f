import type { Page } from 'playwright-core'
import { MENU, menuOf, type Tab } from '../../src/domain/menu'
import type { Role } from '../../src/domain/roles'
import { phoneContext, screenshotPath } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'

// Every role signs in through the dev sign-in, moves through the five tabs and
// sees its own entries, rendered by the h5 build against the real runtime.

const TAB_TEXT: Record<Tab, string> = { home: '首页', report: '报到', activities: '活动', needs: '需求', mine: '我的' }
const ROLES_TO_TRY: Role[] = ['member', 'staff', 'secretary', 'liaison', 'resident', 'streetAdmin', 'districtAdmin']

const runtime = useRuntimeAndBrowser()


async function signInAs(page: Page, role: Role): Promise<string> {
  await page.goto('/dev/login')
  const button = page.locator(`button[data-role="${role}"]`).first()
  const name = (await button.textContent())!.trim()
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), button.click()])
  return name
}

async function openTab(page: Page, tab: Tab) {
  await page.locator('.weui-tabbar__item', { hasText: TAB_TEXT[tab] }).tap()
  await page.locator(`#page-${tab}`).waitFor({ state: 'visible' })
}

function expectedLabels(role: Role, tab: Tab): string[] {
  return menuOf([{ role, scope: {} }])
    .filter((e) => MENU[e].tab === tab)
    .map((e) => MENU[e].label)
}

it.each(ROLES_TO_TRY)('%s signs in, moves through the tabs and sees their own home page', async (role) => {
  const context = await phoneContext(runtime.browser, runtime.server.baseURL)
  const page = await context.newPage()
  try {
    const name = await signInAs(page, role)
    const greeting = page.locator('#page-home #home-greeting')
    await greeting.waitFor({ state: 'visible' })
    expect(await greeting.textContent()).toContain(name)

    for (const tab of ['report', 'activities', 'needs', 'mine', 'home'] as Tab[]) {
      await openTab(page, tab)
      const entries = page.locator(`#page-${tab} .entry`)
      const expected = expectedLabels(role, tab)
      if (expected.length === 0) {
        await page.locator(`#page-${tab} #tab-${tab}-empty`).waitFor({ state: 'visible' })
        expect(await entries.count()).toBe(0)
      } else {
        await entries.first().waitFor()
        const shown = await entries.allTextContents()
        for (const label of expected) expect(shown.join('|')).toContain(label)
        expect(shown).toHaveLength(expected.length)
      }
    }
    await page.screenshot({ path: screenshotPath(`role-${role}`), fullPage: true })
  } finally {
    await context.close()
  }
})

it('asks a visitor without a session to choose a demo user', async () => {
  const context = await phoneContext(runtime.browser, runtime.server.baseURL)
  const page = await context.newPage()
  await page.goto('/')
  await page.locator('#page-home #session-auth-required').waitFor({ state: 'visible' })
  expect(await page.locator('#page-home #dev-login-link').count()).toBe(1)
  await context.close()
})
