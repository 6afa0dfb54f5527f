import type { SheetKind } from '../../../src/domain/contracts/records.contract'
import { collectionBookTable, meetingBookTable, pairingRegisterTable, targetSurveyTable, type TableModel } from '../../../src/domain/record-tables'
import { compareChinese } from '../../../src/domain/chinese-order'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, UnitDoc } from '../../db/docs'
import { scan, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { collectionView } from './collection-records'
import { allMeetings } from './meetings'
import { allPairings } from './pairings'
import type { CollectionRecordDoc, TargetDoc } from './record-docs'
import { staffCommunity } from './records-access'
import { pairedNames, targetView } from './targets'

// The printable tables, every row, read page by page: the 征集记录本, the
// 摸底表, the 结对帮扶登记表 and the 会议记录本 (src/domain/record-tables.ts).

export async function allTargets(ctx: Pick<KnownContext, 'db'>, communityId: string) {
  const rows = []
  for await (const page of scan<TargetDoc>(ctx.db, 'assistTargets', { communityId })) {
    const paired = await pairedNames(ctx, page.map((t) => t._id))
    rows.push(...page.map((t) => targetView(t, paired.get(t._id) ?? [], 'full')))
  }
  return rows.sort((a, b) => compareChinese(a.name, b.name))
}

export async function sheetOf(ctx: KnownContext, communityId: string, kind: SheetKind): Promise<TableModel> {
  const community = await staffCommunity(ctx, communityId)
  switch (kind) {
    case 'collections': {
      const docs = await scanAll<CollectionRecordDoc>(ctx.db, 'needCollections', { communityId })
      docs.sort((a, b) => a.date.getTime() - b.date.getTime())
      return collectionBookTable(community.name, docs.map(collectionView))
    }
    case 'targets':
      return targetSurveyTable(community.name, await allTargets(ctx, communityId))
    case 'pairings':
      return pairingRegisterTable(community.name, await allPairings({ db: ctx.db, reader: ctx }, communityId))
    case 'meetings':
      return meetingBookTable(community.name, await allMeetings(ctx, communityId))
  }
}

/** Members living in the community, by name, and their units: the lists pairings and attendees are picked from. */
export async function choicesOf(ctx: KnownContext, communityId: string) {
  await staffCommunity(ctx, communityId)
  const members = await scanAll<MemberDoc>(ctx.db, 'members', { communityId }, { fields: { name: true, unitId: true } })
  const units = await docsByIds<UnitDoc>(ctx.db, 'units', members.map((m) => m.unitId), { name: true })
  return {
    members: members
      .map((m) => ({ memberId: m._id, name: m.name, unitId: m.unitId, unitName: units.get(m.unitId)?.name ?? '' }))
      .sort((a, b) => compareChinese(a.name, b.name)),
    units: [...units.values()].map((u) => ({ unitId: u._id, name: u.name })).sort((a, b) => compareChinese(a.name, b.name)),
  }
}
