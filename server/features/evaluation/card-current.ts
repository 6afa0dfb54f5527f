import type { Database } from '../../kernel/database'
import type { FeedbackCardDoc } from './evaluation-docs'

// A 反馈卡 is current while it was issued from the evaluation as confirmed
// now (the card keeps the evaluation's confirmedAt). A re-confirm after
// issuing leaves it 待重新出具 (stale): not counted as issued, not shown to the
// member or the unit, until staff issue it again (which replaces it).

export function isCardCurrent(card: Pick<FeedbackCardDoc, 'evaluationConfirmedAt'> | null | undefined, evaluation: { confirmedAt: Date } | null | undefined): boolean {
  return Boolean(card && evaluation && card.evaluationConfirmedAt.getTime() === evaluation.confirmedAt.getTime())
}

/** The same test in an aggregate, over looked-up arrays (`$card`, `$evaluation`, each of 0 or 1 documents). */
export function cardCurrentExpr(db: Database, card = '$card', evaluation = '$evaluation') {
  const $ = db.command.aggregate
  return $.and([
    $.gt([$.size(card), 0]),
    $.gt([$.size(evaluation), 0]),
    $.eq([$.arrayElemAt([`${card}.evaluationConfirmedAt`, 0]), $.arrayElemAt([`${evaluation}.confirmedAt`, 0])]),
  ])
}

/** The test on a card document with its evaluation looked up by id as `$evaluation`. */
export function cardDocCurrentExpr(db: Database) {
  const $ = db.command.aggregate
  return $.eq([$.arrayElemAt(['$evaluation.confirmedAt', 0]), '$evaluationConfirmedAt'])
}

/** How many current cards each community has for the year (grouped in the database, 1,000 communities a request). */
export async function currentCardsByCommunity(db: Database, year: number): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const counts = new Map<string, number>()
  for (let skip = 0; ; skip += 1000) {
    const { list } = (await db
      .collection('feedbackCards')
      .aggregate()
      .match({ year })
      .lookup({ from: 'evaluations', localField: '_id', foreignField: '_id', as: 'evaluation' })
      .addFields({ current: cardDocCurrentExpr(db) })
      .match({ current: true })
      .group({ _id: '$communityId', n: $.sum(1) })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(1000)
      .end()) as { list: Array<{ _id: string; n: number }> }
    for (const row of list) counts.set(row._id, row.n)
    if (list.length < 1000) return counts
  }
}
