import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { RegistrationView } from '../../src/domain/contracts/report.contract'
import { callFunction } from '../../src/services/call-function'
import RegistrationPage from '../../src/packages/member/registration/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

// The view the server gives a member who has reported and not registered:
// the form prefilled from the roster, the community's catalog.
function view(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    memberId: 'm1',
    name: '张三',
    unitName: '区卫生健康局',
    communityId: 'c1',
    communityName: '西溪社区',
    reported: true,
    form: { gender: '男', birthMonth: '1985-07', joinPartyMonth: '2008-06', education: '大学本科', officePhone: '0571-87654321', mobile: '13812345678', jobTitle: '科长', claims: [] },
    catalog: [
      { category: 'management', categoryName: '社区管理协助项目', kind: 'community', posts: [{ postId: 'p-adviser', name: '顾问员', description: '' }, { postId: 'p-liaison', name: '民情联络员', description: '' }] },
      { category: 'convenience', categoryName: '便民服务项目', kind: 'community', posts: [{ postId: 'p-repair', name: '水电维修', description: '' }] },
      { category: 'volunteer', categoryName: '志愿专业服务项目', kind: 'volunteer', posts: [{ postId: 'p-health', name: '健康服务', description: '疾病预防、健康咨询、医疗义诊等' }] },
      { category: 'custom', categoryName: '个人自选项目', kind: 'custom', posts: [] },
    ],
    ...overrides,
  }
}

function type(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } })
}

function chip(text: string) {
  const label = Array.from(document.querySelectorAll('.claim-chip .chip__label')).find((el) => el.textContent === text)
  if (!label) throw new Error(`no chip ${text}`)
  fireEvent.click(label.closest('.claim-chip')!)
}

function choice(groupId: string, text: string) {
  const label = Array.from(document.querySelectorAll(`#${groupId} .chip__label`)).find((el) => el.textContent === text)
  fireEvent.click(label!.closest('.chip')!)
}

beforeEach(() => {
  freshPage(mockedCall)
  process.env.TARO_ENV = 'weapp'
})

describe('报到登记 (附件1)', () => {
  it('says at least 2 claims are needed and refuses to submit with 1', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), { 'report.registrationGet': () => ok(view()) })
    render(<RegistrationPage />)
    await screen.findByText('西湖区在职党员向社区报到登记表')
    expect(document.getElementById('registration-claim-count')!.textContent).toBe('已选 0 项，至少需认领 2 项')

    type('reg-address', '古荡新村3幢2单元401室')
    choice('reg-liaison', '是')
    chip('顾问员')
    expect(document.getElementById('registration-claim-count')!.textContent).toBe('已选 1 项，至少需认领 2 项')
    fireEvent.click(document.getElementById('registration-submit')!)

    expect((await screen.findByText('请至少认领2个服务项目')).id).toBe('registration-error')
    expect(callsTo(mockedCall, 'report', 'registrationSave')).toHaveLength(0)
  })

  it('sends the 附件1 fields and the claims, then shows what was claimed', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), {
      'report.registrationGet': () => ok(view()),
      'report.registrationSave': () => ok(view()),
    })
    render(<RegistrationPage />)
    await screen.findByText('西湖区在职党员向社区报到登记表')

    type('reg-birthMonth', '1985年7月')
    type('reg-hobbies', '书法')
    type('reg-qq', '123456')
    type('reg-address', '古荡新村3幢2单元401室')
    choice('reg-liaison', '否')
    chip('民情联络员')
    chip('健康服务')
    type('registration-custom-input', '家电清洗')
    fireEvent.click(document.getElementById('registration-custom-add')!)
    expect(document.getElementById('registration-claim-count')!.textContent).toBe('已选 3 项')
    fireEvent.click(document.getElementById('registration-submit')!)

    await screen.findByText('已认领服务项目（3项）')
    expect(callsTo(mockedCall, 'report', 'registrationSave')).toEqual([
      {
        action: 'registrationSave',
        form: {
          gender: '男',
          birthMonth: '1985-07',
          joinPartyMonth: '2008-06',
          education: '大学本科',
          hobbies: '书法',
          officePhone: '0571-87654321',
          mobile: '13812345678',
          qq: '123456',
          address: '古荡新村3幢2单元401室',
          jobTitle: '科长',
          willingLiaison: false,
          claims: [{ postId: 'p-liaison' }, { postId: 'p-health' }, { custom: '家电清洗' }],
        },
      },
    ])
    const claimed = Array.from(document.querySelectorAll('#registration-saved .claimed-item')).map((el) => el.textContent)
    expect(claimed).toEqual(['社区管理协助项目 · 民情联络员', '志愿专业服务项目 · 健康服务', '个人自选 · 家电清洗'])
  })

  it('fills the form for a member when staff open it with ?memberId=', async () => {
    setRouterParams({ memberId: 'm9' })
    const masked = view({ memberId: 'm9', name: '王小明' })
    masked.form.mobile = '138****5678'
    routeCalls(mockedCall, bootstrapFor('李四', 'staff'), { 'report.registrationGet': () => ok(masked) })
    render(<RegistrationPage />)
    expect((await screen.findByText('王小明')).id).toBe('registration-name')
    expect(callsTo(mockedCall, 'report', 'registrationGet')).toEqual([{ action: 'registrationGet', memberId: 'm9' }])
    // A masked mobile is not a value to send back: the field starts empty and says why.
    const mobile = document.getElementById('reg-mobile') as HTMLInputElement
    expect(mobile.value).toBe('')
    expect(mobile.placeholder).toBe('原号码 138****5678，请完整填写')
  })

  it('shows the server’s Chinese message when saving fails', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), {
      'report.registrationGet': () => ok(view({ reported: false })),
      'report.registrationSave': () => fail('NOT_REPORTED', '该党员尚未报到'),
    })
    render(<RegistrationPage />)
    await screen.findByText(/尚未报到：请先持联系证到西溪社区/)
    type('reg-address', '古荡新村3幢')
    choice('reg-liaison', '是')
    chip('顾问员')
    chip('水电维修')
    fireEvent.click(document.getElementById('registration-submit')!)
    expect((await screen.findByText('该党员尚未报到')).id).toBe('registration-error')
  })

  it('names the field when the schema refuses a value', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), { 'report.registrationGet': () => ok(view()) })
    render(<RegistrationPage />)
    await screen.findByText('西湖区在职党员向社区报到登记表')
    choice('reg-liaison', '是')
    chip('顾问员')
    chip('水电维修')
    fireEvent.click(document.getElementById('registration-submit')!)
    await waitFor(() => expect(document.getElementById('registration-error')?.textContent).toBe('请填写家庭详址'))
  })
})
