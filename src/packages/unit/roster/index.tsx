import { PendingFeature } from '../../../components/pending-feature'

// 党员名册 (roster.manage): not built yet; the page exists so the route and subpackage do.
export default function RosterPage() {
  return <PendingFeature ability='roster.manage' />
}
