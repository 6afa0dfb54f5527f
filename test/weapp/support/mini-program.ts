import { join } from 'node:path'

// Runs the weapp build (dist/weapp) as WeChat would, in jsdom: WeChat's
// test tool miniprogram-simulate renders each page's WXML (compiled by wcc)
// and runs its JS; App and Page are provided here, the way WeChat's base
// library provides them, and wx is simulate's mock with the APIs these
// paths use (cloud, scanCode) answered by the test.

export const WEAPP_DIR = join(__dirname, '..', '..', '..', 'dist', 'weapp')

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- WeChat's lifecycle methods take anything
type Handler = (...args: any[]) => any
interface PageOptions extends Record<string, unknown> {
  data?: Record<string, unknown>
}
export interface PageInstance {
  route: string
  [key: string]: unknown
}
export interface RenderedPage {
  route: string
  dom: HTMLElement
  /** Text the page shows, whitespace collapsed. */
  text(): string
  /** Dispatches WeChat's tap on the element with this id (as set in the React page). */
  tap(id: string): void
  detach(): void
}

export interface WxCallbacks<T> {
  success?: (res: T) => void
  fail?: (res: { errMsg: string }) => void
  complete?: () => void
}

export interface MiniProgram {
  /** Loads, attaches and shows a page; resolves once it has rendered. */
  open(route: string, query?: Record<string, string>): RenderedPage
}

/**
 * Starts the mini-program afresh, as opening it on a phone does: a new wx, a
 * new module registry (so app.js, Taro's runtime and the app's session store
 * load again) and `apis` merged into wx before the app reads it.
 */
export function bootMiniProgram(apis: Record<string, unknown>): MiniProgram {
  let booted: MiniProgram | undefined
  jest.isolateModules(() => {
    booted = boot(apis)
  })
  return booted!
}

function boot(apis: Record<string, unknown>): MiniProgram {
  const g = globalThis as Record<string, any>
  // webpack's chunk registry lives on wx (wx.webpackJsonp): a new app gets a new one.
  delete g.wx
  // simulate installs global.Component and global.wx (its API mock) when loaded.
  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate')
  Object.assign(g.wx, apis)

  const stack: PageInstance[] = []
  let app: Record<string, Handler> | null = null
  g.getApp = () => app
  g.getCurrentPages = () => stack.slice()
  g.requirePlugin = () => ({})
  g.App = (options: Record<string, Handler>) => {
    app = options
  }
  // WeChat's Page(options) takes lifecycle methods and handlers at the top
  // level; j-component (under simulate) takes a Component definition.
  let opening: { route: string; query: Record<string, string> } | null = null
  g.Page = (options: PageOptions) => {
    const target = opening!
    const methods: Record<string, Handler> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value as Handler
    g.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance & Record<string, Handler>) {
          this.route = target.route
          stack.push(this)
          this.onLoad!(target.query)
          this.onShow!()
        },
        ready(this: Record<string, Handler>) {
          this.onReady!()
        },
        detached(this: PageInstance & Record<string, Handler>) {
          this.onUnload!()
          stack.splice(stack.indexOf(this), 1)
        },
      },
    })
  }

  require(join(WEAPP_DIR, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  const launched = app as Record<string, Handler>
  launched.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 })
  launched.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 })

  return {
    open(route, query = {}) {
      opening = { route, query }
      const id = simulate.load(join(WEAPP_DIR, route), { rootPath: WEAPP_DIR })
      const page = simulate.render(id)
      const parent = document.createElement('parent-wrapper')
      document.body.appendChild(parent)
      page.attach(parent)
      opening = null
      return {
        route,
        dom: page.dom as HTMLElement,
        text: () => (page.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
        tap(elementId: string) {
          const target = page.querySelector(`#${elementId}`)
          if (!target) throw new Error(`${route}: no element #${elementId}`)
          target.dispatchEvent('tap')
        },
        detach() {
          page.detach()
          parent.remove()
        },
      }
    },
  }
}
