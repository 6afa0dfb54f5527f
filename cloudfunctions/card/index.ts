import * as cloud from 'wx-server-sdk'
import { card } from '../../server/features/card/card.function'
import { serve } from '../../server/kernel/serve'

// serve() runs cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }) and reads the caller from getWXContext().
export const main = serve(card, cloud)
