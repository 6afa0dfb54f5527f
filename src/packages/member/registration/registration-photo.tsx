import { MemberPhotoBlock } from '../../../components/member-photo'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'

// 报到党员照片 on the registration: the member's own, or taken at the desk by
// the community's staff (?memberId=).
export function RegistrationPhoto({ memberId }: { memberId?: string }) {
  const ofMember = memberId ? { memberId } : {}
  const remote = useRemote(() => callFunction('report', { action: 'photoGet', ...ofMember }), memberId ?? 'self')
  if (remote.loading && remote.data === null) return null
  return (
    <MemberPhotoBlock
      idPrefix='registration'
      photo={remote.data}
      save={(fileID) => callFunction('report', { action: 'photoSet', ...ofMember, fileID })}
      onSaved={remote.setData}
    />
  )
}
