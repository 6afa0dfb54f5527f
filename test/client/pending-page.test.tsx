import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from './support/taro'
import MemberPending from '../../src/packages/member/pending/index'
import StaffPending from '../../src/packages/staff/pending/index'
import { ABILITY_ROUTES } from '../../src/services/routes'
import { ABILITIES, type Ability } from '../../src/domain/abilities'

describe('pages not built yet', () => {
  it('titles the pending page with the ability from the URL and says it is not open yet', () => {
    setRouterParams({ ability: 'card.show' })
    render(<MemberPending />)
    expect(screen.getByText('我的联系证')).toBeTruthy()
    expect(screen.getByText('该功能将在后续版本开放')).toBeTruthy()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '我的联系证' })
  })

  it('ignores an unknown ability', () => {
    setRouterParams({ ability: 'nope' })
    render(<MemberPending />)
    expect(screen.getByText('功能建设中')).toBeTruthy()
  })

  it('gives a role page not built yet its own honest empty state', () => {
    setRouterParams({ ability: 'ledger.print' })
    render(<StaffPending />)
    expect(screen.getByText('台账')).toBeTruthy()
    expect(screen.getByText('该功能将在后续版本开放')).toBeTruthy()
  })

  it('routes every ability to a subpackage page, never the main package', () => {
    for (const ability of Object.keys(ABILITIES) as Ability[]) {
      expect(ABILITY_ROUTES[ability]).toMatch(/^\/packages\/(unit|staff|admin|member|resident)\/[a-z]+\/index(\?ability=[a-z.]+)?$/)
    }
  })
})
