import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { phoneContext, screenshotPath } from './browser'
import type { useRuntimeAndBrowser } from './local-server'

export interface PhonePage {
  page: Page
  /** A scratch folder for QR images a test saves and feeds to the image fallback. */
  qrDir: string
}

/**
 * One phone-sized page for a journey file: opened before its tests, closed
 * after them, and photographed after each test (`lastShot`), so a failed step
 * leaves what the page showed.
 */
export function usePhonePage(runtime: ReturnType<typeof useRuntimeAndBrowser>, lastShot: string): PhonePage {
  const phone = {} as PhonePage
  let context: BrowserContext | undefined

  beforeAll(async () => {
    context = await phoneContext(runtime.browser, runtime.server.baseURL)
    phone.page = await context.newPage()
    phone.qrDir = mkdtempSync(join(tmpdir(), 'sbd-qr-'))
  })

  afterEach(async () => {
    await phone.page?.screenshot({ path: screenshotPath(lastShot), fullPage: true }).catch(() => undefined)
  })

  afterAll(async () => {
    await context?.close()
    if (phone.qrDir) rmSync(phone.qrDir, { recursive: true, force: true })
  })

  return phone
}

/** Waits for Taro's h5 page transition to end (pages slide in), so a screenshot shows one page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
    const top = pages[pages.length - 1]
    return !top || Math.abs(top.getBoundingClientRect().left) < 1
  })
}

/** A screenshot of the page once it has settled, under test-results/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  await settled(page)
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
}
