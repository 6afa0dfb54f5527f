import { PendingFeature } from '../../../components/pending-feature'

// 各单位报到率 (district.stats): not built yet; the page exists so the route and subpackage do.
export default function DistrictPage() {
  return <PendingFeature ability='district.stats' />
}
