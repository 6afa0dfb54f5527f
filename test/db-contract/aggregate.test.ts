import { openContractDb, type ContractDb, type Db } from './setup'

let ctx: ContractDb
let db: Db
let _: Db
let $: Db
let members: string
let units: string

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  _ = db.command
  $ = _.aggregate
  members = await ctx.collection('agg_members')
  units = await ctx.collection('agg_units')
  await db.collection(units).add({
    data: [
      { _id: 'u1', name: '区委组织部', total: 4 },
      { _id: 'u2', name: '区财政局', total: 2 },
      { _id: 'u3', name: '无人单位', total: 1 },
    ],
  })
  await db.collection(members).add({
    data: [
      { _id: 'm1', unitId: 'u1', hours: 4, posts: ['助老', '巡逻'], joined: new Date('2024-01-10T00:00:00Z') },
      { _id: 'm2', unitId: 'u1', hours: 6, posts: ['助老'], joined: new Date('2024-02-10T00:00:00Z') },
      { _id: 'm3', unitId: 'u1', hours: 2, posts: [], joined: new Date('2024-03-10T00:00:00Z') },
      { _id: 'm4', unitId: 'u2', hours: 8, posts: ['理发'], joined: new Date('2024-04-10T00:00:00Z') },
    ],
  })
})

afterAll(async () => {
  await ctx.close()
})

it('match + group with accumulators + sort', async () => {
  const res = await db
    .collection(members)
    .aggregate()
    .match({ hours: _.gt(1) })
    .group({
      _id: '$unitId',
      n: $.sum(1),
      hours: $.sum('$hours'),
      avg: $.avg('$hours'),
      most: $.max('$hours'),
      least: $.min('$hours'),
      ids: $.push('$_id'),
      firstJoined: $.min('$joined'),
    })
    .sort({ _id: 1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'u1', n: 3, hours: 12, avg: 4, most: 6, least: 2, ids: ['m1', 'm2', 'm3'], firstJoined: new Date('2024-01-10T00:00:00Z') },
    { _id: 'u2', n: 1, hours: 8, avg: 8, most: 8, least: 8, ids: ['m4'], firstJoined: new Date('2024-04-10T00:00:00Z') },
  ])
})

it('unwind + addToSet + sortByCount', async () => {
  const posts = await db.collection(members).aggregate().unwind('$posts').group({ _id: null, all: $.addToSet('$posts') }).end()
  expect([...posts.list[0].all].sort()).toEqual(['助老', '巡逻', '理发'].sort())
  const counted = await db.collection(members).aggregate().unwind('$posts').sortByCount('$posts').limit(1).end()
  expect(counted.list).toEqual([{ _id: '助老', count: 2 }])
})

it('project, addFields, skip, limit and count', async () => {
  const projected = await db
    .collection(members)
    .aggregate()
    .sort({ hours: -1 })
    .skip(1)
    .limit(2)
    .project({ _id: 0, unitId: 1, double: $.multiply(['$hours', 2]) })
    .end()
  expect(projected.list).toEqual([
    { unitId: 'u1', double: 12 },
    { unitId: 'u1', double: 8 },
  ])
  const withFields = await db.collection(members).aggregate().match({ _id: 'm4' }).addFields({ postCount: $.size('$posts') }).end()
  expect(withFields.list[0]).toMatchObject({ _id: 'm4', postCount: 1 })
  const counted = await db.collection(members).aggregate().match({ unitId: 'u1' }).count('total').end()
  expect(counted.list).toEqual([{ total: 3 }])
})

it('lookup joins another collection (equality form)', async () => {
  const res = await db
    .collection(units)
    .aggregate()
    .lookup({ from: members, localField: '_id', foreignField: 'unitId', as: 'members' })
    .project({ name: 1, reported: $.size('$members') })
    .sort({ _id: 1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'u1', name: '区委组织部', reported: 3 },
    { _id: 'u2', name: '区财政局', reported: 1 },
    { _id: 'u3', name: '无人单位', reported: 0 },
  ])
})

it('lookup with let + pipeline', async () => {
  const res = await db
    .collection(units)
    .aggregate()
    .match({ _id: 'u1' })
    .lookup({
      from: members,
      let: { unit: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.eq(['$unitId', '$$unit']), $.gte(['$hours', 4])])))
        .project({ _id: 1 })
        .done(),
      as: 'busy',
    })
    .end()
  expect(res.list[0].busy).toEqual([{ _id: 'm1' }, { _id: 'm2' }])
})

it('a report-rate style pipeline over two collections', async () => {
  const res = await db
    .collection(units)
    .aggregate()
    .lookup({ from: members, localField: '_id', foreignField: 'unitId', as: 'm' })
    .project({ _id: 1, rate: $.divide([$.size('$m'), '$total']) })
    .match({ rate: _.lt(0.95) })
    .sort({ rate: 1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'u3', rate: 0 },
    { _id: 'u1', rate: 0.75 },
    { _id: 'u2', rate: 0.5 },
  ].sort((a, b) => a.rate - b.rate))
})
