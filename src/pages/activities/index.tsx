import { TabPage } from '../../components/tab-page'

// 活动: the entries of the signed-in user's roles that live on this tab.
export default function ActivitiesPage() {
  return <TabPage tab='activities' />
}
