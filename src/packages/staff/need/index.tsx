import { NeedDetailPage } from '../../../components/need-detail-page'

// 需求详情 (?id=<needId>).
export default function NeedPage() {
  return <NeedDetailPage roles={['staff']} />
}
