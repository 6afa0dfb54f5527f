import type { Browser, Page } from 'playwright-core'
import { desktopContext, phoneContext, screenshotPath } from './browser'

/** Acts as a demo user: the dev sign-in form, posted for one openid (the page lists only the first few per role). */
export async function signInAs(page: Page, openid: string): Promise<void> {
  await page.goto('/dev/login')
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.evaluate((value) => {
      const form = document.createElement('form')
      form.method = 'post'
      form.action = '/dev/login'
      const input = document.createElement('input')
      input.name = 'openid'
      input.value = value
      form.appendChild(input)
      document.body.appendChild(form)
      form.submit()
    }, openid),
  ])
  await page.locator('#page-home #home-greeting').waitFor({ state: 'visible' })
}

/** Acts as a WeChat user the system does not know yet (the dev page's 新微信用户), signed in as `new-<label>`. */
export async function signInAsNewUser(page: Page, label: string): Promise<void> {
  await page.goto('/dev/login')
  await page.locator('#dev-new-user').fill(label)
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('#dev-new-user-submit').click()])
  await page.locator('#page-home #session-unknown, #page-home #home-greeting').first().waitFor({ state: 'visible' })
}

/**
 * One person's turn in a journey: a fresh browser context (a phone, or a
 * desktop) signed in as `openid` runs `body`; the page is then screenshot as
 * `shot` (also when `body` fails) and the context closed.
 */
export async function actAs<T>(browser: Browser, baseURL: string, openid: string, shot: string, body: (page: Page) => Promise<T>, desktop = false): Promise<T> {
  const context = desktop ? await desktopContext(browser, baseURL) : await phoneContext(browser, baseURL)
  const page = await context.newPage()
  try {
    await signInAs(page, openid)
    return await body(page)
  } finally {
    await page.screenshot({ path: screenshotPath(shot), fullPage: true }).catch(() => undefined)
    await context.close()
  }
}
