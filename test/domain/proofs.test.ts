import { afterFailure, ATTEMPT_POLICY, lockedUntil, NO_ATTEMPTS } from '../../src/domain/attempt-limit'
import { formatBindingCode, normalizeBindingCode } from '../../src/domain/binding-code'
import { provesPresence } from '../../src/domain/presence-proof'
import { hasHiddenCharacters } from '../../src/domain/text'

describe('presence proof at the desk', () => {
  const member = { name: '欧阳娜娜', mobile: '13712345678' }
  it('takes the mobile tail, the surname (复姓 too) or the full name', () => {
    for (const proof of ['5678', ' 5678', '５６７８', '欧阳', '欧', '欧阳娜娜', '欧阳 娜娜']) expect([proof, provesPresence(member, proof)]).toEqual([proof, true])
  })
  it('refuses anything else', () => {
    for (const proof of ['', '1234', '678', '45678', '阳', '娜娜', '欧阳娜', '王']) expect([proof, provesPresence(member, proof)]).toEqual([proof, false])
  })
})

describe('attempt limit', () => {
  const t0 = new Date('2026-03-16T02:00:00Z')
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
  it('locks on the 5th failure within 15 minutes, for 15 minutes', () => {
    let record = NO_ATTEMPTS
    for (let i = 0; i < 4; i++) record = afterFailure(record, at(i))
    expect(lockedUntil(record, at(4))).toBeNull()
    record = afterFailure(record, at(4))
    expect(lockedUntil(record, at(4))).toEqual(at(4 + ATTEMPT_POLICY.lockMs / 60_000))
    expect(lockedUntil(record, at(19))).toBeNull()
  })
  it('forgets failures older than the window', () => {
    let record = NO_ATTEMPTS
    for (const minute of [0, 1, 2, 3, 20]) record = afterFailure(record, at(minute))
    expect(lockedUntil(record, at(20))).toBeNull()
    expect(record.failures).toEqual([at(20)])
  })
})

describe('binding code', () => {
  it('reads a code as typed from the slip, and nothing that cannot be one', () => {
    expect(normalizeBindingCode('k7qm-3xpa')).toBe('K7QM3XPA')
    expect(normalizeBindingCode(' K7QM 3XPA ')).toBe('K7QM3XPA')
    for (const text of ['K7QM3XP', 'K7QM3XPAA', 'K7QM3XP0', 'K7QM3XPI', '']) expect(normalizeBindingCode(text)).toBeNull()
    expect(formatBindingCode('K7QM3XPA')).toBe('K7QM-3XPA')
  })
})

describe('visible text', () => {
  it('finds what a reader cannot see', () => {
    for (const text of ['a\u0000b', '\ud800', 'x\udc00', 'a\u200bb', 'a\u200db', '\u202eab', 'a\u2066b', 'a\ufeffb', 'a\u00adb', 'a\nb']) expect([JSON.stringify(text), hasHiddenCharacters(text)]).toEqual([JSON.stringify(text), true])
    for (const text of ['理发', '修伞☂', '😀', 'A-1 (二)']) expect(hasHiddenCharacters(text)).toBe(false)
    expect(hasHiddenCharacters('第一行\n第二行', true)).toBe(false)
  })
})
