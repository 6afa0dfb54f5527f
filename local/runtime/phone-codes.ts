import { randomBytes } from 'node:crypto'
import type { OpenApi } from '../../server/kernel/function-def'

// Local runtime only: WeChat's part in getPhoneNumber. In the mini-program a
// button gives the page a code and the server resolves it, through 云调用, to
// the user's verified number. The h5 build has no such button, so the dev
// page asks this stand-in for a code for the number the signed-in demo user
// says is theirs (POST /dev/phone-number), and functions resolve it here.
// Like WeChat's: bound to the user it was issued to, single use, 5 minutes.

const CODE_TTL_MS = 5 * 60_000

interface Issued {
  mobile: string
  openid: string
  expiresAt: number
}

export class LocalPhoneCodes implements OpenApi {
  private readonly codes = new Map<string, Issued>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  issue(openid: string, mobile: string): string {
    const code = `local-${randomBytes(16).toString('hex')}`
    this.codes.set(code, { mobile, openid, expiresAt: this.now().getTime() + CODE_TTL_MS })
    return code
  }

  async phoneNumberOf(code: string, openid: string): Promise<string | null> {
    const issued = this.codes.get(code)
    this.codes.delete(code)
    if (!issued || issued.openid !== openid || issued.expiresAt <= this.now().getTime()) return null
    return issued.mobile
  }
}
