import type { BootstrapData } from '../../domain/contracts/bootstrap.contract'
import { Notice } from '../../components/notice'
import { TabPage } from '../../components/tab-page'
import { grantFor } from '../../services/grants'
import { ActivityFeed } from './activity-feed'
import { YearProgress } from './year-progress'
import './index.css'

const isMember = (data: BootstrapData) => Boolean(grantFor(data, ['member']))
const isResident = (data: BootstrapData) => !isMember(data) && Boolean(grantFor(data, ['resident']))

// 活动: a member's year against the rule, the entries of the user's roles
// on this tab (扫码签到, 组织活动…), then the activities open to a member or
// a resident. Residents see their community's activities but cannot sign up.
export default function ActivitiesPage() {
  return (
    <TabPage
      tab='activities'
      header={(data) => (isMember(data) ? <YearProgress /> : null)}
      footer={(data) =>
        isMember(data) || isResident(data) ? (
          <>
            {isResident(data) ? <Notice id='activities-resident-note' tone='info' text='居民可以查看社区发布的活动；报名和扫码签到仅限在职党员。' /> : null}
            <ActivityFeed />
          </>
        ) : null
      }
    />
  )
}
