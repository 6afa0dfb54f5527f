import type { CorrectionCounts, CorrectionView } from '../../../src/domain/contracts/corrections.contract'
import type { CorrectionStatus } from '../../../src/domain/corrections'
import type { CorrectionDoc } from './correction-doc'

export function correctionView(doc: CorrectionDoc): CorrectionView {
  return {
    correctionId: doc._id,
    memberId: doc.memberId,
    memberName: doc.memberName,
    unitId: doc.unitId,
    unitName: doc.unitName,
    communityId: doc.communityId,
    communityName: doc.communityName,
    field: doc.field,
    activityId: doc.activityId,
    activityTitle: doc.activityTitle,
    text: doc.text,
    status: doc.status,
    answer: doc.answer,
    raisedByName: doc.raisedByName,
    raisedAt: doc.raisedAt.toISOString(),
    resolvedByName: doc.resolvedByName,
    resolvedAt: doc.resolvedAt ? doc.resolvedAt.toISOString() : null,
  }
}

export function countsOf(byStatus: Map<string, number>): CorrectionCounts {
  const n = (s: CorrectionStatus) => byStatus.get(s) ?? 0
  return { open: n('open'), fixed: n('fixed'), declined: n('declined') }
}
