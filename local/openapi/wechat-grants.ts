import type { Database } from '../../server/kernel/database'
import { isDuplicateKey } from '../../server/db/db-errors'

// WeChat's own side of one-time subscriptions, locally: what each user accepted
// in requestSubscribeMessage and has not been sent yet. In the cloud only
// WeChat knows this; the product keeps its own count (server/messages). The
// stand-in answers 43101 from this ledger, so a send the product should not
// have attempted is refused here as it would be there. Local only: the
// collection is not in server/db/collections.ts and is never deployed.

export const WECHAT_GRANTS = 'localWechatGrants'

const idOf = (openid: string, templateId: string) => `${openid}|${templateId}`

/** The h5 stand-in of Taro.requestSubscribeMessage: the user accepted each template once more. */
export async function grantLocally(db: Database, openid: string, templateIds: readonly string[]): Promise<void> {
  const _ = db.command
  const inc = async (id: string) =>
    ((await db.collection(WECHAT_GRANTS).where({ _id: id }).update({ data: { remaining: _.inc(1) } })) as { stats: { updated: number } }).stats.updated === 1
  for (const templateId of new Set(templateIds)) {
    const id = idOf(openid, templateId)
    if (await inc(id)) continue
    try {
      await db.collection(WECHAT_GRANTS).add({ data: { _id: id, openid, templateId, remaining: 1 } })
    } catch (error) {
      // Two taps at once: the other made the document.
      if (!isDuplicateKey(error)) throw error
      await inc(id)
    }
  }
}

/** Uses one accepted subscription; false when the user has none for this template. */
export async function useGrant(db: Database, openid: string, templateId: string): Promise<boolean> {
  const _ = db.command
  const result = (await db.collection(WECHAT_GRANTS).where({ _id: idOf(openid, templateId), remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1) } })) as {
    stats: { updated: number }
  }
  return result.stats.updated === 1
}
