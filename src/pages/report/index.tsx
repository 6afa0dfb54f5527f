import { TabPage } from '../../components/tab-page'

// 报到: the entries of the signed-in user's roles that live on this tab.
export default function ReportPage() {
  return <TabPage tab='report' />
}
