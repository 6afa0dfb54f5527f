import { useRouter } from '@tarojs/taro'
import { View, Text, Image, Button } from '@tarojs/components'
import type { CardSheet, CardView } from '../../../domain/contracts/card.contract'
import type { Result } from '../../../domain/result'
import { EmptyState } from '../../../components/empty-state'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { canPrint, printPage } from '../../../services/print'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

const SHEET_PAGE = 100
/** Stops a runaway loop if the server's total and pages ever disagree. */
const MAX_PAGES = 200

/** `card` 'sheet': the active cards to print, asked page by page until `total` (each card carries its QR image). */
async function loadSheet(unitId: string, memberId?: string): Promise<Result<CardView[]>> {
  const cards: CardView[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await callFunction('card', { action: 'sheet', unitId, ...(memberId ? { memberId } : {}), page, pageSize: SHEET_PAGE })
    if (!result.ok) return result
    cards.push(...result.data.rows)
    if (result.data.rows.length === 0 || cards.length >= result.data.total) break
  }
  return { ok: true, data: cards.filter((c) => c.status === 'active') }
}

// 打印联系证: card-sized (85.6mm × 54mm) 联系证 with name, unit, community,
// number and QR code, laid out for A4; on h5 the print dialog prints only the
// cards. ?unitId= (default: the caller's unit) and optional ?memberId=.
export default function CardsPage() {
  const { params } = useRouter()
  return (
    <RolePage id='page-cards' roles={['secretary', 'liaison']}>
      {(grant) => {
        const unitId = grant.scope.unitId ?? params.unitId
        if (!unitId) return <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />
        return <CardSheet unitId={unitId} memberId={params.memberId || undefined} />
      }}
    </RolePage>
  )
}

function CardSheet({ unitId, memberId }: { unitId: string; memberId?: string }) {
  const remote = useRemote(() => loadSheet(unitId, memberId), `${unitId}|${memberId ?? ''}`)
  if (remote.data === null) return <RemoteState remote={remote} />
  const cards = remote.data
  if (cards.length === 0) {
    return <EmptyState id='cards-empty' title='没有可打印的联系证' text='请先在党员名册中为党员发放联系证。已作废的联系证不打印。' />
  }
  return (
    <View>
      <View className='page-head no-print'>
        <Text className='page-head__title'>{`打印联系证（${cards.length} 张）`}</Text>
        <Text className='page-head__sub'>每张 85.6mm × 54mm，按 A4 纸排版，打印后沿边框裁切</Text>
      </View>
      {canPrint() ? (
        <View className='actions no-print'>
          <Button className='btn btn--primary' id='cards-print' onClick={printPage}>
            打印
          </Button>
        </View>
      ) : (
        <Text className='muted cards-hint no-print'>小程序中不能直接打印，请在电脑浏览器中打开本系统打印。</Text>
      )}
      <View className='card-sheet print-area' id='card-sheet'>
        {cards.map((card) => (
          <View key={card.cardNo} className='print-card'>
            <View className='print-card__band'>
              <Text className='print-card__title'>在职党员到社区报到联系证</Text>
            </View>
            <View className='print-card__body'>
              <View className='print-card__info'>
                <Text className='print-card__line print-card__name'>{card.name}</Text>
                <Text className='print-card__line'>{`单位：${card.unitName}`}</Text>
                <Text className='print-card__line'>{`社区：${card.communityName}`}</Text>
                <Text className='print-card__line print-card__no'>{`No. ${card.cardNo}`}</Text>
              </View>
              {card.qrDataUrl ? (
                <Image className='print-card__qr' src={card.qrDataUrl} mode='aspectFit' />
              ) : (
                <View className='print-card__qr print-card__qr--none'>
                  <Text className='print-card__token'>{card.token ?? ''}</Text>
                </View>
              )}
            </View>
            <Text className='print-card__foot'>请持本证到居住地社区报到</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
