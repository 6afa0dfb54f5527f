import type { Grant, Principal } from '../../src/domain/roles'
import type { Database } from './database'
import { getRows } from '../db/read'

interface UserDoc {
  _id: string
  openid: string
  name: string
  grants?: Grant[]
}

/** Resolves the trusted OPENID to the user the system knows, or null. */
export async function loadPrincipal(db: Database, openid: string): Promise<Principal | null> {
  if (!openid) return null
  const [user] = await getRows<UserDoc>(db.collection('users').where({ openid }).limit(1))
  if (!user) return null
  return { userId: user._id, openid: user.openid, name: user.name, grants: user.grants ?? [] }
}
