import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

// Runs the weapp build (dist/weapp) as WeChat would, in jsdom: WeChat's
// test tool miniprogram-simulate renders each page's WXML (compiled by wcc)
// and runs its JS; App and Page are provided here, the way WeChat's base
// library provides them, and wx is simulate's mock with the APIs these
// paths use (cloud, scanCode) answered by the test.

export const WEAPP_DIR = join(__dirname, '..', '..', '..', 'dist', 'weapp')

export interface AppJson {
  pages: string[]
  subPackages: Array<{ root: string; pages: string[] }>
}

/** The built app.json; `npm test` builds dist/weapp before jest runs. */
export function readAppJson(): AppJson {
  const file = join(WEAPP_DIR, 'app.json')
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:weapp\` first`)
  return JSON.parse(readFileSync(file, 'utf8')) as AppJson
}

// WeChat's lifecycle methods and handlers take anything.
type Handler = (...args: any[]) => any
interface PageOptions extends Record<string, unknown> {
  data?: Record<string, unknown>
}
interface PageInstance {
  route: string
  [key: string]: unknown
}
export interface RenderedPage {
  route: string
  /** Text the page shows, whitespace collapsed. */
  text(): string
  /** Dispatches WeChat's tap on the element with this id (as set in the React page). */
  tap(id: string): void
  /** Dispatches another of WeChat's events (e.g. getphonenumber) with its detail. */
  trigger(id: string, event: string, detail: object): void
  detach(): void
}

/** The parts of miniprogram-simulate used here. */
interface Simulate {
  load(componentPath: string, options: { rootPath: string }): string
  render(id: string): SimulatedComponent
}
interface SimulatedComponent {
  dom: HTMLElement | undefined
  attach(parent: Element): void
  detach(): void
  querySelector(selector: string): { dispatchEvent(name: string, options?: { detail?: object }): void } | undefined
}

export interface MiniProgram {
  /** Loads, attaches and shows a page (onLoad, onShow); it renders asynchronously, as in WeChat. */
  open(route: string, query?: Record<string, string>): RenderedPage
}

/**
 * Starts the mini-program afresh, as opening it on a phone does: a new wx
 * with `apis` merged in before the app reads it, a new simulate (jest's
 * isolated registry) and the package's files run again (app.js, Taro's
 * runtime, the app's session store).
 */
export function bootMiniProgram(apis: Record<string, unknown>): MiniProgram {
  let booted: MiniProgram | undefined
  jest.isolateModules(() => {
    booted = boot(apis)
  })
  return booted!
}

/**
 * WeChat's module system: each file of the package runs once per app start,
 * `require` takes paths relative to the requiring file. The files run in this
 * realm, outside jest's module registry, so every boot starts clean.
 */
function createModuleLoader() {
  const cache = new Map<string, { exports: unknown }>()
  const run = (file: string, module: { exports: unknown }) => {
    const source = readFileSync(file, 'utf8')
    new Function('require', 'module', 'exports', source)((request: string) => load(resolve(dirname(file), request)), module, module.exports)
  }
  const load = (path: string): unknown => {
    const file = path.endsWith('.js') ? path : `${path}.js`
    let module = cache.get(file)
    if (!module) {
      module = { exports: {} }
      cache.set(file, module)
      run(file, module)
    }
    return module.exports
  }
  return { load }
}

function boot(apis: Record<string, unknown>): MiniProgram {
  const g = globalThis as Record<string, any>
  // webpack's chunk registry lives on wx (wx.webpackJsonp): a new app gets a new one.
  delete g.wx
  // simulate installs global.Component and global.wx (its API mock) when loaded.
  // Its own typings pull in WeChat's global `require`, which clashes with Node's.
  const simulate = require('miniprogram-simulate') as Simulate
  Object.assign(g.wx, apis)
  const loader = createModuleLoader()

  // simulate registers a page or component each time a page uses it, and runs
  // its JS to get the definition; in the package that JS (a webpack chunk)
  // registers once per app, as in WeChat. So the first definition of each
  // file is kept and handed to simulate again on later registrations.
  const simulateComponent = g.Component as Handler
  const definitions = new Map<string, unknown>()
  let running: { file: string; registered: boolean } | null = null
  g.Component = (definition: unknown) => {
    if (running) {
      running.registered = true
      if (!definitions.has(running.file)) definitions.set(running.file, definition)
    }
    simulateComponent(definition)
  }
  const simulateUtils = require('miniprogram-simulate/src/utils') as { runJs: (file: string) => void }
  simulateUtils.runJs = (file: string) => {
    const current = (running = { file, registered: false })
    try {
      loader.load(file)
      if (!current.registered && definitions.has(file)) simulateComponent(definitions.get(file))
    } finally {
      running = null
    }
  }

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
    const methods: Record<string, Handler> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value as Handler
    g.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance & Record<string, Handler>) {
          const target = opening!
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

  loader.load(join(WEAPP_DIR, 'app.js'))
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
        text: () => (page.dom?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        tap(elementId: string) {
          this.trigger(elementId, 'tap', {})
        },
        trigger(elementId: string, event: string, detail: object) {
          const target = page.querySelector(`#${elementId}`)
          if (!target) throw new Error(`${route}: no element #${elementId}`)
          target.dispatchEvent(event, { detail })
        },
        detach() {
          page.detach()
          parent.remove()
        },
      }
    },
  }
}
