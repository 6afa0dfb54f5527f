import { aboveLineCount, rankByRate } from '../../src/domain/bulletin-ranking'

// The district bulletin's ranking: rate first, ties by name, shared ranks, the 95% line.

const unit = (unitId: string, unitName: string, reported: number, memberTotal: number) => ({ unitId, unitName, reported, memberTotal })

it('ranks by rate, highest first; equal rates share a rank and go by name (pinyin)', () => {
  const ranked = rankByRate([unit('a', '区教育局', 9, 10), unit('b', '区财政局', 18, 20), unit('c', '区档案馆', 20, 20), unit('d', '区民政局', 1, 2)])
  expect(ranked.map((r) => [r.unitId, r.rank, r.rate])).toEqual([
    ['c', 1, 1],
    ['b', 2, 0.9], // 财 (cai) before 教 (jiao)
    ['a', 2, 0.9],
    ['d', 4, 0.5],
  ])
})

it('ties of name and rate fall back to the id, so the order is stable', () => {
  expect(rankByRate([unit('y', '同名', 1, 1), unit('x', '同名', 1, 1)]).map((r) => r.unitId)).toEqual(['x', 'y'])
})

it('marks the 95% line: at 95% is above it, just below is not; a unit with no members is last and not flagged', () => {
  const ranked = rankByRate([unit('a', '甲', 19, 20), unit('b', '乙', 189, 200), unit('c', '丙', 0, 0), unit('d', '丁', 20, 20)])
  expect(ranked.map((r) => [r.unitId, r.belowThreshold])).toEqual([
    ['d', false],
    ['a', false],
    ['b', true],
    ['c', false],
  ])
  expect(aboveLineCount(ranked)).toBe(2)
  expect(aboveLineCount([])).toBe(0)
})
