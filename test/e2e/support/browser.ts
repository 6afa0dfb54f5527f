import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

// Debian's Chromium, never a downloaded one. The network flags keep it from
// reaching out (this machine has no network but the package registries).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

/** A phone-sized touch context: Taro's h5 submits forms on touch. */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN', deviceScaleFactor: 2 })
}

/** A desktop touch context, where ledgers and cards are printed. */
export async function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1200, height: 900 }, hasTouch: true, locale: 'zh-CN' })
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots')

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return join(SCREENSHOT_DIR, `${name}.png`)
}
