import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from './support/taro'
import MemberPending from '../../src/packages/member/pending/index'
import StaffPending from '../../src/packages/staff/pending/index'
import { MENU_ROUTES } from '../../src/services/routes'
import { MENU_ENTRIES } from '../../src/domain/menu'

describe('pages not built yet', () => {
  it('titles the pending page with the menu entry from the URL and says it is not open yet', () => {
    setRouterParams({ entry: 'card.show' })
    render(<MemberPending />)
    expect(screen.getByText('我的联系证')).toBeTruthy()
    expect(screen.getByText('该功能将在后续版本开放')).toBeTruthy()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '我的联系证' })
  })

  it('ignores an unknown entry', () => {
    setRouterParams({ entry: 'nope' })
    render(<MemberPending />)
    expect(screen.getByText('功能建设中')).toBeTruthy()
  })

  it('gives a role page not built yet its own honest empty state', () => {
    setRouterParams({ entry: 'ledger.print' })
    render(<StaffPending />)
    expect(screen.getByText('台账')).toBeTruthy()
    expect(screen.getByText('该功能将在后续版本开放')).toBeTruthy()
  })

  it('routes every menu entry to a subpackage page, never the main package', () => {
    for (const entry of MENU_ENTRIES) {
      expect(MENU_ROUTES[entry]).toMatch(/^\/packages\/(unit|staff|admin|member|resident|centre|common)\/[a-z-]+\/index(\?entry=[a-z.]+)?$/)
    }
  })
})
