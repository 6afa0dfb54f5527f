import { PendingFeature } from '../../../components/pending-feature'

// 本单位报到率 (unit.stats): not built yet; the page exists so the route and subpackage do.
export default function UnitStatsPage() {
  return <PendingFeature ability='unit.stats' />
}
