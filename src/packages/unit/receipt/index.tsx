import { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { canPrint, printPage } from '../../../services/print'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

// 报到回执: the slip at the foot of 附件1 ("XX同志，系中共党员，于…已向我党组织
// 报到。感谢贵单位党组织对社区党建工作的关心和支持。"), signed by the community's
// party organisation, one copy for the unit. ?reportId=.
export default function ReceiptPage() {
  const { params } = useRouter()
  const reportId = typeof params.reportId === 'string' ? params.reportId : ''
  return (
    <RolePage id='page-receipt' roles={['secretary', 'liaison', 'staff', 'member']}>
      {() => (reportId ? <ReceiptView reportId={reportId} /> : <EmptyState title='缺少报到记录' text='请从党员名册或扫码报到结果中打开回执。' />)}
    </RolePage>
  )
}

function ReceiptView({ reportId }: { reportId: string }) {
  const remote = useRemote(() => callFunction('report', { action: 'receipt', reportId }), reportId)
  if (remote.data === null) return <RemoteState remote={remote} />
  const receipt = remote.data
  return (
    <View>
      <View className='card receipt print-area' id='receipt'>
        <Text className='receipt__title'>在职党员到社区报到回执</Text>
        <Text className='receipt__to'>{`${receipt.unitName}党组织：`}</Text>
        <Text className='receipt__text' id='receipt-text'>
          {receipt.text}
        </Text>
        <Text className='receipt__text'>感谢贵单位党组织对社区党建工作的关心和支持。</Text>
        <View className='receipt__sign'>
          <Text className='receipt__org' id='receipt-community'>
            {receipt.communityPartyOrg || receipt.communityName}
          </Text>
          <Text className='receipt__seal'>（盖章）</Text>
          <Text className='receipt__date'>{receipt.dateText}</Text>
        </View>
        <Text className='receipt__note'>注：本回执一式2份，在职党员所在单位和报到社区各留存1份。</Text>
      </View>
      {canPrint() ? (
        <View className='actions no-print'>
          <Button className='btn btn--primary' id='receipt-print' onClick={printPage}>
            打印回执
          </Button>
        </View>
      ) : (
        <Text className='muted receipt-hint no-print'>如需打印，请在电脑浏览器中打开本系统。</Text>
      )}
    </View>
  )
}
