import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { desktopContext, SCREENSHOT_DIR, screenshotPath } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'
import { signInAs } from './support/sign-in'

// The staff's 台账 page (issue 12): a category exported as PDF opens its
// download link, and what it downloads is an A4 PDF with the category's cover,
// the community's name and its Chinese text. A desktop browser, where ledgers
// are printed.

const runtime = useRuntimeAndBrowser()

it('staff export 一、文件清单 as PDF from the ledger page and download it', async () => {
  const context = await desktopContext(runtime.browser, runtime.server.baseURL)
  const page = await context.newPage()
  try {
    await signInAs(page, 'demo-staff-1')
    await page.goto('/#/packages/staff/ledger/index')
    await page.locator('#ledger-category-1').waitFor()
    const [download] = await Promise.all([context.waitForEvent('page'), page.locator('#ledger-export-1-pdf').tap()])
    await page.locator('#ledger-export-1-done', { hasText: '下载链接1小时内有效' }).waitFor()
    const response = await context.request.get(download.url())
    expect(response.status()).toBe(200)
    const pdf = join(SCREENSHOT_DIR, 'ledger-category-1.pdf')
    writeFileSync(pdf, await response.body())
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:.*\(A4\)/)
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const expected of ['“双报到”活动材料之一', '一、文件清单', '曙光社区', '目录']) expect(text).toContain(expected)
  } finally {
    await page.screenshot({ path: screenshotPath('ledger-export'), fullPage: true }).catch(() => undefined)
    await context.close()
  }
})
