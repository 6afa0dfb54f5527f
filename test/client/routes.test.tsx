import { MENU_ROUTES, TAB_ROUTES } from '../../src/services/routes'

// app.config.ts calls Taro's build-time global; here it only needs to return its argument.
;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
// eslint-disable-next-line @typescript-eslint/no-require-imports
const appConfig = require('../../src/app.config').default as {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string; text: string }[] }
}

const subpackagePages = appConfig.subPackages.flatMap((p) => p.pages.map((page) => `/${p.root}/${page}`))

describe('routes and app.config agree', () => {
  it('puts exactly the five tabs in the main package, in tab-bar order', () => {
    expect(appConfig.pages.map((p) => '/' + p)).toEqual(Object.values(TAB_ROUTES))
    expect(appConfig.tabBar.list.map((t) => t.text)).toEqual(['首页', '报到', '活动', '需求', '我的'])
    expect(appConfig.tabBar.list.map((t) => '/' + t.pagePath)).toEqual(Object.values(TAB_ROUTES))
  })

  it('sends every menu entry to a page registered in a subpackage', () => {
    for (const route of Object.values(MENU_ROUTES)) {
      expect(subpackagePages).toContain(route.split('?')[0])
    }
  })
})
