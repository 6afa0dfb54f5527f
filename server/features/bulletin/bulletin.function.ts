import { bulletinContract } from '../../../src/domain/contracts/bulletin.contract'
import { defineFunction } from '../../kernel/function-def'
import { previewBulletin, publishedForUnit, submitBulletin } from './bulletin-unit'
import { openSubmitted, reviewHalf } from './bulletin-review'
import { publishDistrict } from './district-bulletin'
import { closeYear, listYears, setCloseDate, yearStatus } from './year-close-actions'
import { autoCloseYears } from './year-close-timer'
import { remindBulletins } from './bulletin-remind'

/**
 * 每半年通报 (issue 11 §8) and closing a year (§9): the unit previews and
 * submits its half's bulletin; the street and district see who submitted; the
 * district publishes the ranking and closes years. The daily timer
 * (config.json, 02:00) closes the previous year on the district's date and
 * reminds secretaries in a half's last week.
 */
export const bulletin = defineFunction(
  'bulletin',
  bulletinContract,
  {
    preview: { permission: 'bulletin.unit', handle: (input, ctx) => previewBulletin(ctx, input) },
    submit: { permission: 'bulletin.unit', handle: (input, ctx) => submitBulletin(ctx, input) },
    published: { permission: 'bulletin.unit', handle: (input, ctx) => publishedForUnit(ctx, input) },
    review: { permission: 'bulletin.review', handle: (input, ctx) => reviewHalf(ctx, input) },
    open: { permission: 'bulletin.review', handle: (input, ctx) => openSubmitted(ctx, input) },
    publish: { permission: 'bulletin.publish', handle: (input, ctx) => publishDistrict(ctx, input) },
    yearStatus: { permission: 'year.read', handle: (input, ctx) => yearStatus(ctx, input.year) },
    years: { permission: 'year.close', handle: (_input, ctx) => listYears(ctx) },
    closeYear: { permission: 'year.close', handle: (input, ctx) => closeYear(ctx, input.year) },
    setCloseDate: { permission: 'year.close', handle: (input, ctx) => setCloseDate(ctx, input) },
  },
  { timer: async (_event, ctx) => ({ close: await autoCloseYears(ctx), remind: await remindBulletins(ctx) }) },
)
