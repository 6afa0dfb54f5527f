import { cardNoFromSequence, FIRST_CARD_SEQUENCE, isCardNoWellFormed } from '../../src/domain/card-no'

describe('联系证号', () => {
  it('is 8 digits for the first cards and carries a Luhn check digit', () => {
    expect(cardNoFromSequence(FIRST_CARD_SEQUENCE)).toMatch(/^1\d{7}$/)
    expect(cardNoFromSequence(7992739871)).toBe('79927398713') // the textbook Luhn example
    for (let s = FIRST_CARD_SEQUENCE; s < FIRST_CARD_SEQUENCE + 1000; s++) expect(isCardNoWellFormed(cardNoFromSequence(s))).toBe(true)
  })

  it('catches every single mistyped digit', () => {
    const no = cardNoFromSequence(1_234_567)
    for (let i = 0; i < no.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === no[i]) continue
        expect(isCardNoWellFormed(no.slice(0, i) + d + no.slice(i + 1))).toBe(false)
      }
    }
  })

  it('rejects what is not a number', () => {
    expect(isCardNoWellFormed('')).toBe(false)
    expect(isCardNoWellFormed('1234abcd')).toBe(false)
  })
})
