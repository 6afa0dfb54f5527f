import { statSync } from 'node:fs'
import { join } from 'node:path'
import { countOf } from '../../server/db/read'
import { readQr } from '../integration/support/qr'
import { SCREENSHOT_DIR, screenshotPath } from './support/browser'
import { useRuntimeAndBrowser } from './support/local-server'

// 打印联系证 for a whole unit: one PDF file of card-sized cards whose QR codes
// still read at print resolution. Desktop browser, where units print.

const MM = 96 / 25.4 // CSS pixels per millimetre

const runtime = useRuntimeAndBrowser()


it('prints the whole unit to one PDF, card-sized, with readable QR codes', async () => {
  // 300 dpi: what a printer puts on paper.
  const context = await runtime.browser.newContext({ baseURL: runtime.server.baseURL, viewport: { width: 1200, height: 900 }, deviceScaleFactor: 300 / 96, locale: 'zh-CN' })
  await context.request.post('/dev/login', { form: { openid: 'demo-secretary-1' }, maxRedirects: 0 })
  const page = await context.newPage()
  await page.goto('/#/packages/unit/cards/index')
  const cards = page.locator('#card-sheet .print-card')
  await cards.first().waitFor({ state: 'visible' })
  expect(await cards.count()).toBe(30)

  await page.emulateMedia({ media: 'print' })
  const box = (await cards.first().boundingBox())!
  expect(Math.abs(box.width - 85.6 * MM)).toBeLessThan(2)
  expect(Math.abs(box.height - 54 * MM)).toBeLessThan(2)

  const qr = await page.locator('#card-sheet .print-card__qr').first().screenshot({ path: screenshotPath('card-print-qr') })
  const token = readQr(`data:image/png;base64,${qr.toString('base64')}`)
  expect(token).toMatch(/^SBD1\./)
  const memberId = Buffer.from(token!.split('.')[1]!, 'base64url').toString('utf8').split(':')[1]
  expect(await countOf(runtime.server.db.collection('members').where({ _id: memberId, unitId: 'unit-01' }))).toBe(1)

  const pdf = join(SCREENSHOT_DIR, 'unit-01-cards.pdf')
  await page.pdf({ path: pdf, format: 'A4', printBackground: true })
  expect(statSync(pdf).size).toBeGreaterThan(10_000)
  await context.close()
})
