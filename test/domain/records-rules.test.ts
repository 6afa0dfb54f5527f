import type { MeetingView, PairingView, TargetView } from '../../src/domain/contracts/records.contract'
import { AppError } from '../../src/domain/errors'
import { collectionBookTable, meetingBookTable, pairingRegisterTable, targetSurveyTable } from '../../src/domain/record-tables'
import { CONVERSION_HOLD_MS, decideConversion, decideEnd, decideOffer, decidePairing, decideVisit, maskAddress, requirePast, targetSight, type PairingFacts } from '../../src/domain/records'

// The community's records: who sees a target, the pairing rules, and the
// printed tables' shape (the ledger exports the same models).

const codeOf = (body: () => void): string => {
  try {
    body()
  } catch (error) {
    return (error as AppError).code
  }
  return 'none'
}

const pairing = (over: Partial<PairingFacts> = {}): PairingFacts => ({ status: 'active', memberId: 'm-1', startedAt: new Date('2026-03-01T00:00:00Z'), ...over })

describe('targetSight', () => {
  it('gives the community’s staff and the member paired now everything', () => {
    expect(targetSight({ staffOfCommunity: true, memberId: null }, [])).toBe('full')
    expect(targetSight({ staffOfCommunity: false, memberId: 'm-1' }, [pairing()])).toBe('full')
  })

  it('masks for a member whose pairing ended, and hides from everyone else', () => {
    expect(targetSight({ staffOfCommunity: false, memberId: 'm-1' }, [pairing({ status: 'ended' })])).toBe('masked')
    expect(targetSight({ staffOfCommunity: false, memberId: 'm-2' }, [pairing()])).toBe('none')
    expect(targetSight({ staffOfCommunity: false, memberId: null }, [pairing()])).toBe('none')
    // An offer is not a pairing with anyone.
    expect(targetSight({ staffOfCommunity: false, memberId: 'm-1' }, [pairing({ status: 'offered' })])).toBe('none')
  })

  it('masks an address to its first characters', () => {
    expect(maskAddress('东湖路12号3单元501室')).toBe('东湖路****')
    expect(maskAddress('12')).toBe('****')
  })
})

describe('pairing rules', () => {
  it('refuses a member of another community, and a second live pairing of the same two', () => {
    expect(codeOf(() => decidePairing({ targetCommunityId: 'c-1', memberCommunityId: 'c-2', existing: [] }))).toBe('PAIRING_OTHER_COMMUNITY')
    expect(codeOf(() => decidePairing({ targetCommunityId: 'c-1', memberCommunityId: 'c-1', existing: [pairing()] }))).toBe('ALREADY_PAIRED')
    expect(codeOf(() => decidePairing({ targetCommunityId: 'c-1', memberCommunityId: 'c-1', existing: [pairing({ status: 'ended' })] }))).toBe('none')
  })

  it('ends once, and takes one open offer at a time', () => {
    expect(codeOf(() => decideEnd(pairing()))).toBe('none')
    expect(codeOf(() => decideEnd(pairing({ status: 'ended' })))).toBe('PAIRING_ENDED')
    expect(codeOf(() => decideOffer([pairing({ status: 'offered', startedAt: null })]))).toBe('OFFER_PENDING')
    expect(codeOf(() => decideOffer([pairing()]))).toBe('none')
  })

  it('takes a visit from the paired member on a live pairing, dated between the start and today (China time)', () => {
    const today = new Date('2026-03-16T17:00:00Z') // 01:00 on the 17th in China
    const day = (d: string) => new Date(`${d}T00:00:00Z`)
    expect(codeOf(() => decideVisit(pairing(), 'm-1', day('2026-03-17'), today))).toBe('none')
    expect(codeOf(() => decideVisit(pairing(), 'm-1', day('2026-03-18'), today))).toBe('DATE_IN_FUTURE')
    expect(codeOf(() => decideVisit(pairing(), 'm-1', day('2026-02-28'), today))).toBe('VISIT_BEFORE_PAIRING')
    expect(codeOf(() => decideVisit(pairing(), 'm-2', day('2026-03-10'), today))).toBe('NOT_FOUND')
    expect(codeOf(() => decideVisit(pairing({ status: 'ended' }), 'm-1', day('2026-03-10'), today))).toBe('PAIRING_ENDED')
    expect(codeOf(() => decideVisit(pairing({ status: 'offered', startedAt: null }), 'm-1', day('2026-03-10'), today))).toBe('PAIRING_NOT_ACTIVE')
  })

  it('makes a collection record a need once', () => {
    const now = new Date('2026-03-16T02:00:00Z')
    const ago = (ms: number) => new Date(now.getTime() - ms)
    expect(codeOf(() => decideConversion({ needId: null, convertingSince: null }, now))).toBe('none')
    expect(codeOf(() => decideConversion({ needId: 'need-1', convertingSince: null }, now))).toBe('ALREADY_CONVERTED')
    expect(codeOf(() => decideConversion({ needId: null, convertingSince: ago(1_000) }, now))).toBe('CONFLICT')
    // A mark left by a call that died does not hold the record for ever.
    expect(codeOf(() => decideConversion({ needId: null, convertingSince: ago(CONVERSION_HOLD_MS) }, now))).toBe('none')
    expect(codeOf(() => requirePast(new Date('2027-01-01T00:00:00Z'), new Date('2026-03-16T02:00:00Z')))).toBe('DATE_IN_FUTURE')
  })
})

describe('table models', () => {
  const target: TargetView = {
    targetId: 't-1',
    communityId: 'c-1',
    name: '王秀英',
    gender: '女',
    birthMonth: '1941-03',
    address: '东湖路12号',
    mobile: '13812345678',
    categories: ['孤寡老人', '重病'],
    family: '独居',
    needs: '代购药品',
    surveyor: '李娜',
    surveyedAt: '2026-03-02T00:00:00.000Z',
    paired: [{ pairingId: 'p-1', memberName: '张伟', unitName: '区教育局', since: '2026-03-05T00:00:00.000Z' }],
    masked: false,
  }

  it('lists every target in the 摸底表, paired or not, with its categories', () => {
    const table = targetSurveyTable('曙光社区', [target, { ...target, targetId: 't-2', name: '陈刚', paired: [] }])
    expect(table.title).toBe('曙光社区需要帮扶对象基本情况摸底表')
    expect(table.subtitle).toBe('共 2 人，其中已结对 1 人')
    expect(table.header[0]).toHaveLength(table.rows[0]!.length)
    expect(table.rows[0]).toEqual(['1', '王秀英', '女', '1941-03', '东湖路12号', '13812345678', '孤寡老人、重病', '独居', '代购药品', '李娜', '2026年3月2日'])
    expect(table.rows[1]![0]).toBe('2')
  })

  it('lists paired targets in the 登记表 with each visit, oldest first, and leaves offers out', () => {
    const base: PairingView = {
      pairingId: 'p-1',
      communityId: 'c-1',
      status: 'active',
      target: { targetId: 't-1', name: '王秀英', address: '', mobile: '', categories: ['孤寡老人'] },
      memberId: 'm-1',
      memberName: '张伟',
      unitName: '区教育局',
      content: '每月走访',
      startedAt: '2026-03-05T00:00:00.000Z',
      endedAt: null,
      endReason: null,
      visits: [
        { visitId: 'v-2', date: '2026-04-10T00:00:00.000Z', content: '送药', recordedAt: '' },
        { visitId: 'v-1', date: '2026-03-10T00:00:00.000Z', content: '打扫卫生', recordedAt: '' },
      ],
    }
    const ended = { ...base, pairingId: 'p-2', status: 'ended' as const, endedAt: '2026-05-01T00:00:00.000Z', endReason: '对象搬离', visits: [] }
    const offer = { ...base, pairingId: 'p-3', status: 'offered' as const, target: null, visits: [] }
    const table = pairingRegisterTable('曙光社区', [base, ended, offer])
    expect(table.rows).toHaveLength(2)
    expect(table.subtitle).toBe('共 2 对，其中结对中 1 对')
    expect(table.rows[0]![7]).toBe('2026年3月10日：打扫卫生\n2026年4月10日：送药')
    expect(table.rows[1]![8]).toBe('2026年5月1日结束（对象搬离）')
  })

  it('prints the 征集记录本 and the 会议记录本 one row per entry', () => {
    const book = collectionBookTable('曙光社区', [
      { recordId: 'r-1', communityId: 'c-1', date: '2026-03-01T00:00:00.000Z', way: '走访', collector: '李娜', source: '3栋居民', content: '楼道灯坏了', handling: '', needId: 'need-1' },
    ])
    expect(book.rows[0]).toEqual(['1', '2026年3月1日', '走访', '李娜', '3栋居民', '楼道灯坏了', '已转入需求办理'])
    const meeting: MeetingView = {
      meetingId: 'mt-1',
      communityId: 'c-1',
      date: '2026-03-08T00:00:00.000Z',
      place: '会议室',
      host: '李娜',
      recorder: '王强',
      members: [{ memberId: 'm-1', name: '张伟' }],
      units: [{ unitId: 'u-1', name: '区教育局' }],
      otherAttendees: '居民代表2人',
      topic: '双报到工作推进',
      content: '通报报到情况',
      decisions: '开展环境整治',
      photos: [],
    }
    expect(meetingBookTable('曙光社区', [meeting]).rows[0]![5]).toBe('区教育局、张伟、居民代表2人')
  })
})
