import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import { PairingList } from '../../../components/pairing-list'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { pairingSummaryUrl } from '../../../services/pairing-routes'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'

// 结对共建 (pairing.view): the unit's secretary or liaison sees the communities
// their unit (or a branch) pairs with, and opens 附件4; community staff see
// the units paired with their community. Ended pairings stay as history.
export default function PairingPage() {
  return <RolePage id='page-pairing' roles={['secretary', 'liaison', 'staff']}>{(grant) => <Pairings grant={grant} />}</RolePage>
}

function Pairings({ grant }: { grant: GrantView }) {
  const unitId = grant.role === 'staff' ? undefined : grant.scope.unitId
  const filter = unitId ? { unitId } : { communityId: grant.scope.communityId ?? '' }
  const remote = useRemote(() => callFunction('pairing', { action: 'list', ...filter }), JSON.stringify(filter))
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{unitId ? '本单位结对社区' : '与本社区结对的单位'}</Text>
        <Text className='page-head__sub'>{`${grant.scopeName} · 结对由街道或区委组织部登记`}</Text>
      </View>
      {unitId ? (
        <View className='actions'>
          <Button className='btn btn--primary' id='pairing-summary-open' onClick={() => void Taro.navigateTo({ url: pairingSummaryUrl(unitId) })}>
            附件4 结对联系服务群众情况汇总表
          </Button>
        </View>
      ) : null}
      {remote.data === null ? <RemoteState remote={remote} /> : <PairingList rows={remote.data} side={unitId ? 'unit' : 'community'} />}
    </View>
  )
}
