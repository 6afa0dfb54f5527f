import { TabPage } from '../../components/tab-page'

// 需求: the entries of the signed-in user's roles that live on this tab.
export default function NeedsPage() {
  return <TabPage tab='needs' />
}
