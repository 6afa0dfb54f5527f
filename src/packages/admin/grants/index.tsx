import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button, Image } from '@tarojs/components'
import { grantsContract, type GrantTarget, type HeldGrant, type InvitationView } from '../../../domain/contracts/grants.contract'
import { Chip } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'

const targetKey = (t: GrantTarget) => `${t.role}:${t.placeId}`

/** The link an invitee opens on h5 (the mini-program opens the same page by its path). */
function h5Link(path: string): string {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}${window.location.pathname}#${path}` : path
}

// 授权管理 (grants.manage): choose a role on a place (only those the caller may
// grant), name the invitee, and hand them the invitation: a QR code, a link,
// or on WeChat a shared mini-program card. Below, the grants the caller may
// revoke.
export default function GrantsPage() {
  return <RolePage id='page-grants' roles={['districtAdmin', 'streetAdmin', 'secretary']}>{() => <Grants />}</RolePage>
}

function Grants() {
  const targets = useRemote(() => callFunction('grants', { action: 'targets' }), 'targets')
  const [page, setPage] = useState(1)
  const held = useRemote(() => callFunction('grants', { action: 'list', page, pageSize: 20 }), `held:${page}`)
  const [chosen, setChosen] = useState<GrantTarget | null>(null)
  const [inviteeName, setInviteeName] = useState('')
  const [invitation, setInvitation] = useState<InvitationView | null>(null)
  const { busy, error, submit } = useSubmit()

  useShareAppMessage(() => (invitation ? { title: `邀请您担任${invitation.placeName}的${invitation.roleLabel}`, path: invitation.path } : { title: '双报到' }))

  const invite = async () => {
    if (!chosen) return
    const call = { action: 'invite' as const, role: chosen.role, placeId: chosen.placeId, inviteeName }
    const data = await submit(grantsContract, call, () => callFunction('grants', call))
    if (data) setInvitation(data)
  }

  const revoke = async (row: HeldGrant) => {
    const { confirm } = await Taro.showModal({ title: '撤销授权', content: `撤销${row.userName}在${row.placeName}的${row.roleLabel}权限？` })
    if (!confirm) return
    const call = { action: 'revoke' as const, userId: row.userId, role: row.role, placeId: row.placeId }
    if (await submit(grantsContract, call, () => callFunction('grants', call))) {
      void Taro.showToast({ title: '已撤销', icon: 'success' })
      await held.reload()
    }
  }

  const list = targets.data ?? []
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>授权管理</Text>
        <Text className='page-head__sub'>邀请3天内有效，只能接受一次；每次授权与撤销都记入操作记录</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>邀请</Text>
        {targets.data === null ? (
          <RemoteState remote={targets} />
        ) : list.length === 0 ? (
          <EmptyState title='暂无可授予的权限' text='请先新建街道、社区或单位。' />
        ) : (
          <View className='chips' id='grant-targets'>
            {list.map((t) => (
              <Chip key={targetKey(t)} label={`${t.roleLabel} · ${t.placeName}`} selected={chosen !== null && targetKey(chosen) === targetKey(t)} onTap={() => setChosen(t)} />
            ))}
          </View>
        )}
        <TextField id='grant-invitee' label='被邀请人姓名' required maxlength={20} value={inviteeName} onChange={setInviteeName} />
        <Button className='btn btn--primary btn--block' id='grant-invite' disabled={busy || !chosen || undefined} onClick={() => void invite()}>
          生成邀请
        </Button>
      </View>
      <Notice id='grant-error' tone='error' text={error} />
      {invitation ? (
        <View className='card' id='grant-invitation'>
          <Text className='card__title'>{`邀请 ${invitation.inviteeName} 担任 ${invitation.placeName} 的${invitation.roleLabel}`}</Text>
          <Image id='grant-invitation-qr' src={invitation.qrDataUrl} mode='aspectFit' style={{ width: '320px', height: '320px' }} />
          <Text className='muted'>{`请被邀请人用微信扫码或打开链接接受，${dateTimeText(invitation.expiresAt)}前有效`}</Text>
          <Text className='card__text' id='grant-invitation-link' userSelect>
            {h5Link(invitation.path)}
          </Text>
          <Text className='muted' id='grant-invitation-token' userSelect>
            {invitation.token}
          </Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn btn--primary btn--block' openType='share'>
              发送给被邀请人
            </Button>
          ) : null}
        </View>
      ) : null}
      <View className='card' id='grant-list'>
        <Text className='card__title'>{`已授予的权限${held.data ? `（${held.data.total}）` : ''}`}</Text>
        {held.data === null ? (
          <RemoteState remote={held} />
        ) : held.data.rows.length === 0 ? (
          <Text className='muted'>暂无</Text>
        ) : (
          held.data.rows.map((row) => (
            <View key={`${row.userId}:${row.role}:${row.placeId}`} className='held-grant btn-row'>
              <Text className='card__text'>{`${row.userName} · ${row.roleLabel} · ${row.placeName}`}</Text>
              <Button className='btn-mini btn-mini--grey held-grant__revoke' disabled={busy || undefined} onClick={() => void revoke(row)}>
                撤销
              </Button>
            </View>
          ))
        )}
        {held.data && held.data.total > held.data.pageSize ? (
          <View className='btn-row'>
            <Button className='btn-mini' disabled={page <= 1 || undefined} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button className='btn-mini' disabled={page * held.data.pageSize >= held.data.total || undefined} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  )
}
