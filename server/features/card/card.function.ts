import { cardContract } from '../../../src/domain/contracts/card.contract'
import { defineFunction } from '../../kernel/function-def'
import { issueForMember, revokeForMember } from './card-manage'
import { mineCard } from './card-mine'
import { cardSheet } from './card-sheet'
import { memberSetsOwnPhoto, sheetPhotos } from '../corrections/photo-actions'
import { myProfile, savePledge } from '../corrections/pledges'

/** 联系证: the unit issues, revokes (reissue = issue again) and prints; the member shows theirs. */
export const card = defineFunction('card', cardContract, {
  mine: { permission: 'card.show', handle: (_input, ctx) => mineCard(ctx) },
  issue: { permission: 'card.manage', handle: (input, ctx) => issueForMember(ctx, input.memberId) },
  revoke: { permission: 'card.manage', handle: (input, ctx) => revokeForMember(ctx, input.memberId) },
  sheet: { permission: 'card.manage', handle: (input, ctx) => cardSheet(ctx, input) },
  // issue 11 §3, §4: the member's own photo and 一句话承诺 (server/features/corrections).
  profile: { permission: 'card.show', handle: (input, ctx) => myProfile(ctx, input.year) },
  photoSet: { permission: 'pledge.write', handle: (input, ctx) => memberSetsOwnPhoto(ctx, input.fileID) },
  pledgeSave: { permission: 'pledge.write', handle: (input, ctx) => savePledge(ctx, input) },
  sheetPhotos: { permission: 'card.manage', handle: (input, ctx) => sheetPhotos(ctx, input) },
})
