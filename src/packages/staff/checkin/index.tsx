import { PendingFeature } from '../../../components/pending-feature'

// 扫码报到 (checkin.scan): not built yet; the page exists so the route and subpackage do.
export default function CheckinPage() {
  return <PendingFeature ability='checkin.scan' />
}
