import type { Page } from 'playwright-core'

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
