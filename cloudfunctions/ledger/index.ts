import * as cloud from 'wx-server-sdk'
import { ledger } from '../../server/features/ledger/ledger.function'
import { serve } from '../../server/kernel/serve'

// serve() runs cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }) and reads the caller from getWXContext().
export const main = serve(ledger, cloud)
