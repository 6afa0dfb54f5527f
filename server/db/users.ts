import type { Grant } from '../../src/domain/roles'
import type { Database } from '../kernel/database'
import { getRows } from './read'

export interface UserDoc {
  _id: string
  openid: string
  name: string
  grants: Grant[]
}

/** The user a WeChat OPENID belongs to, or undefined for someone the system does not know yet. */
export async function findUserByOpenid(db: Database, openid: string): Promise<UserDoc | undefined> {
  const [user] = await getRows<UserDoc>(db.collection('users').where({ openid }).limit(1))
  return user
}
