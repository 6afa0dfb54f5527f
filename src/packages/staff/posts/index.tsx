import { PendingFeature } from '../../../components/pending-feature'

// 服务岗位 (posts.manage): not built yet; the page exists so the route and subpackage do.
export default function PostsPage() {
  return <PendingFeature ability='posts.manage' />
}
