// At the community desk a typed 联系证号 must come with proof that the member
// is there: they tell the staff their surname (or full name) or the last 4
// digits of their mobile, which a guessed number does not give. The mobile
// tail is the stronger of the two (common surnames are easy to guess), so
// the desk asks for it first; attempts are limited either way.

const MOBILE_TAIL = /^\d{4}$/

function normalized(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

export function provesPresence(member: { name: string; mobile: string }, proof: string): boolean {
  const given = normalized(proof)
  if (MOBILE_TAIL.test(given)) return member.mobile.length >= 4 && member.mobile.slice(-4) === given
  const name = normalized(member.name)
  if (given === '' || name === '') return false
  if (given === name) return true
  // A surname: one or two characters (复姓 such as 欧阳) that begin the name.
  return given.length <= 2 && given.length < name.length && name.startsWith(given)
}
