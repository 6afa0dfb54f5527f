import { PendingFeature } from '../../../components/pending-feature'

// 在职党员信息汇总表 (community.summary): not built yet; the page exists so the route and subpackage do.
export default function SummaryPage() {
  return <PendingFeature ability='community.summary' />
}
