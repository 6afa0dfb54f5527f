import * as cloud from 'wx-server-sdk'
import { needs } from '../../server/features/needs/needs.function'
import { serve } from '../../server/kernel/serve'

// serve() runs cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }) and reads the caller from getWXContext().
export const main = serve(needs, cloud)
