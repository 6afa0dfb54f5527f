import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Textarea } from '@tarojs/components'
import { needsContract } from '../../../domain/contracts/needs.contract'
import { URGENCIES, URGENCY_LABELS } from '../../../domain/need-rules'
import { ChoiceChips } from '../../../components/chips'
import { FieldRow, TextField } from '../../../components/field'
import { NEED_PAGE_SIZE, NeedList } from '../../../components/need-list'
import { Notice } from '../../../components/notice'
import { PhotoPicker } from '../../../components/photo-picker'
import { RolePage } from '../../../components/role-page'
import { usePhotos } from '../../../components/use-photos'
import { callFunction } from '../../../services/call-function'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/buttons.css'

// 提交服务需求 (need.submit): a resident says what they need, where, when and
// how urgent, with up to 3 photos, and follows their needs below.
export default function ResidentNeedsPage() {
  return (
    <RolePage id='page-resident-needs' roles={['resident']}>
      {(grant, data) => (grant.scope.communityId ? <ResidentNeeds communityId={grant.scope.communityId} name={data.user?.name ?? ''} /> : null)}
    </RolePage>
  )
}

const OTHER = '其他'

function ResidentNeeds({ communityId, name }: { communityId: string; name: string }) {
  const [page, setPage] = useState(1)
  const mine = useRemote(() => callFunction('needs', { action: 'mine', page, pageSize: NEED_PAGE_SIZE }), String(page))
  const posts = useRemote(() => callFunction('posts', { action: 'list', communityId }), communityId)
  usePullDownReload(mine.reload)
  const { busy, error, setError, submit } = useSubmit()
  const photos = usePhotos(setError)
  const [postId, setPostId] = useState<string>(OTHER)
  const [content, setContent] = useState('')
  const [address, setAddress] = useState('')
  const [contactName, setContactName] = useState(name)
  const [mobile, setMobile] = useState('')
  const [suitableTime, setSuitableTime] = useState('')
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>('normal')

  const choices = [...(posts.data ?? []).filter((p) => p.active).map((p) => p.postId), OTHER]
  const labels = Object.fromEntries((posts.data ?? []).map((p) => [p.postId, p.name]))

  const send = async () => {
    const call = { action: 'submit' as const, postId: postId === OTHER ? null : postId, content, address, contactName, mobile, suitableTime, urgency, photos: photos.photos.map((p) => p.fileID) }
    if (await submit(needsContract, call, () => callFunction('needs', call))) {
      void Taro.showToast({ title: '已提交', icon: 'success' })
      setContent('')
      photos.clear()
      setPage(1)
      await mine.reload()
    }
  }

  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>提交服务需求</Text>
        <Text className='page-head__sub'>社区受理后安排在职党员为您服务</Text>
      </View>
      <View className='card' id='need-form'>
        <FieldRow label='需求类别' required>
          <ChoiceChips id='need-category' options={choices} value={postId} onChange={setPostId} labels={{ ...labels, [OTHER]: OTHER }} />
        </FieldRow>
        <FieldRow label='需求内容' required>
          <Textarea className='field__input' id='need-content-input' value={content} placeholder='请说明需要什么帮助' maxlength={500} onInput={(e) => setContent(e.detail.value)} />
        </FieldRow>
        <TextField id='need-address-input' label='服务地址' value={address} onChange={setAddress} placeholder='如 3栋2单元501' required />
        <TextField id='need-contact-input' label='联系人' value={contactName} onChange={setContactName} required />
        <TextField id='need-mobile-input' label='联系电话' value={mobile} onChange={setMobile} type='number' maxlength={11} required />
        <TextField id='need-time-input' label='方便的时间' value={suitableTime} onChange={setSuitableTime} placeholder='如 周末上午' />
        <FieldRow label='紧急程度' required>
          <ChoiceChips id='need-urgency' options={URGENCIES} value={urgency} onChange={setUrgency} labels={URGENCY_LABELS} />
        </FieldRow>
        <PhotoPicker id='need-photo' busy={photos.uploading} room={photos.room} onPicked={(files) => void photos.add(files)} onError={setError} />
        {photos.photos.map((p) => (
          <View key={p.fileID} className='btn-row need-photo-item'>
            <Text className='muted'>{p.name}</Text>
            <Button className='btn-mini btn-mini--grey' onClick={() => photos.remove(p.fileID)}>移除</Button>
          </View>
        ))}
        <Notice id='need-submit-error' tone='error' text={error} />
        <Button className='btn btn--primary btn--block' id='need-submit' disabled={busy || photos.uploading || undefined} onClick={() => void send()}>
          提交需求
        </Button>
      </View>
      <View className='page-head'>
        <Text className='page-head__title'>我的需求</Text>
      </View>
      <NeedList id='my-needs' remote={mine} page={page} setPage={setPage} detailUrl='/packages/resident/need/index' empty={{ title: '还没有提交过需求', text: '提交后可在这里查看办理进度。' }} />
    </View>
  )
}
