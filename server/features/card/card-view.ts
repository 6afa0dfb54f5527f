import { constants as zlib } from 'node:zlib'
import QRCode from 'qrcode'
import type { CardView } from '../../../src/domain/contracts/card.contract'
import type { CardDoc } from '../../db/docs'
import { signCardToken } from './card-token'

export interface CardNames {
  memberName: string
  unitName: string
  communityName: string
}

// A card's QR image depends on its token alone, and the same cards are shown
// again and again (the member's page, a unit's print sheet): a warm function
// instance keeps the most recent few hundred rather than redrawing them.
const QR_CACHE_SIZE = 500
const qrCache = new Map<string, Promise<string>>()

// A QR image is blocks of identical rows: the PNG "Up" filter turns most rows
// into zeros and plain deflate packs them (2.4 KB instead of 3.3 KB). It also
// spares pngjs its default per-row trial of all five filters, which is most of
// the drawing time: 27 → 14 ms per card in Node, 1.4 s → 0.1 s under jest.
// (qrcode hands rendererOpts to pngjs; its typings list only the JPEG/WebP quality.)
const PNG_OPTIONS = { filterType: 2, deflateStrategy: zlib.Z_DEFAULT_STRATEGY }

/** A QR image of `token` as a PNG data URL; medium error correction survives a worn printout or a glaring screen. */
export function drawQrDataUrl(token: string): Promise<string> {
  return QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 320, rendererOpts: PNG_OPTIONS as object })
}

/** A card's QR image, which the member can show and a print sheet can hold (cached by token). */
export function qrDataUrl(token: string): Promise<string> {
  const cached = qrCache.get(token)
  if (cached) return cached
  const drawn = drawQrDataUrl(token)
  drawn.catch(() => qrCache.delete(token))
  qrCache.set(token, drawn)
  if (qrCache.size > QR_CACHE_SIZE) qrCache.delete(qrCache.keys().next().value!)
  return drawn
}

/** The card as the client shows it: an active card carries its signed token and QR; a revoked one neither. */
export async function cardView(secret: string, card: CardDoc, names: CardNames): Promise<CardView> {
  const token = card.status === 'active' ? signCardToken(secret, { memberId: card.memberId, serial: card.serial }) : null
  return {
    cardNo: card.cardNo,
    memberId: card.memberId,
    name: names.memberName,
    unitName: names.unitName,
    communityName: names.communityName,
    status: card.status,
    token,
    qrDataUrl: token ? await qrDataUrl(token) : null,
    issuedAt: card.issuedAt.toISOString(),
  }
}
