import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Image, Button } from '@tarojs/components'
import type { CardView } from '../../../domain/contracts/card.contract'
import type { Result } from '../../../domain/result'
import { EmptyState } from '../../../components/empty-state'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { MENU_ROUTES } from '../../../services/routes'
import '../../../components/ui.css'
import './index.css'
import { KeyValue } from '../../../components/key-value'
import { PhotoAndPledge } from './photo-pledge'

/** `card` 'mine': the member's 联系证, or null when the unit has not issued one. */
async function loadMine(): Promise<Result<CardView | null>> {
  const result = await callFunction('card', { action: 'mine' })
  // "No card yet" may come back as NOT_FOUND; it is a state of the page, not a failure.
  if (!result.ok && result.code === 'NOT_FOUND') return { ok: true, data: null }
  return result
}

// 我的联系证 (card.show): the member shows this screen at the community desk;
// staff scan the QR code to record the report.
export default function CardPage() {
  return <RolePage id='page-card' roles={['member']}>{() => <CardBody />}</RolePage>
}

function CardBody() {
  const remote = useRemote(loadMine, 'mine')
  usePullDownRefresh(() => {
    void remote.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // null data is an answer ("no card yet"), so loading is told apart by the flag.
  if (remote.error || (remote.loading && remote.data === null)) return <RemoteState remote={remote} />
  const card = remote.data
  if (!card) {
    return (
      <EmptyState id='card-none' title='尚未发放联系证' text='您所在单位党组织还没有为您发放《在职党员到社区报到联系证》，请联系单位党组织书记或联络员。' />
    )
  }
  if (card.status === 'revoked') {
    return (
      <EmptyState
        id='card-revoked'
        title='联系证已作废'
        text={`联系证 ${card.cardNo} 已被单位作废，不能再用于报到。请联系单位党组织补发新的联系证。`}
      />
    )
  }
  return (
    <View>
      <View className='member-card' id='card-view'>
        <View className='member-card__band'>
          <Text className='member-card__title'>在职党员到社区报到联系证</Text>
          <Text className='member-card__no' id='card-no'>
            {`No. ${card.cardNo}`}
          </Text>
        </View>
        <View className='member-card__body'>
          <KeyValue label='姓名' id='card-name'>{card.name}</KeyValue>
          <KeyValue label='工作单位' id='card-unit'>{card.unitName}</KeyValue>
          <KeyValue label='居住社区' id='card-community'>{card.communityName}</KeyValue>
          <View className='member-card__qr'>
            {card.qrDataUrl ? (
              <Image className='member-card__qr-image' id='card-qr' src={card.qrDataUrl} mode='aspectFit' />
            ) : (
              <View className='member-card__token-box'>
                <Text className='muted'>二维码内容</Text>
              </View>
            )}
            {/* The token is what the QR holds; shown as text when there is no image. */}
            <Text className={card.qrDataUrl ? 'visually-hidden' : 'member-card__token'} id='card-token' selectable>
              {card.token ?? ''}
            </Text>
          </View>
          <Text className='member-card__hint' id='card-hint'>
            请社区工作人员扫码报到
          </Text>
        </View>
      </View>
      <PhotoAndPledge />
      <View className='actions'>
        <Button
          className='btn btn--plain'
          id='card-to-registration'
          onClick={() => void Taro.navigateTo({ url: MENU_ROUTES['registration.fill'] })}
        >
          填写报到登记表
        </Button>
      </View>
    </View>
  )
}
