import { auditDetailsText } from '../../src/domain/audit-labels'

it('reads an audit entry in Chinese and leaves ids off the page', () => {
  expect(auditDetailsText({ role: 'secretary', userName: '赵明', placeName: '区教育局', invitedBy: 'user-f8df8b0d' })).toBe('角色：单位书记，用户：赵明，范围：区教育局')
  expect(auditDetailsText({ proof: 'bindingCode' })).toBe('核对方式：绑定码')
  expect(auditDetailsText({ reason: 'CARD_PROOF_MISMATCH', locked: true })).toMatch(/^原因：.+，已锁定：是$/)
  expect(auditDetailsText({ by: 'setupCode' })).toBe('方式：首次设置码')
  expect(auditDetailsText({})).toBe('')
})
