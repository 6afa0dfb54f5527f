import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import type { NeedFields } from '../domain/contracts/needs.contract'
import { URGENCIES, URGENCY_LABELS } from '../domain/need-rules'
import { callFunction } from '../services/call-function'
import { useRemote } from '../services/use-remote'
import { ChoiceChips } from './chips'
import { FieldRow, TextField } from './field'
import { Notice } from './notice'
import { PhotoPicker } from './photo-picker'
import { usePhotos } from './use-photos'
import './ui.css'

const OTHER = '其他'

interface Props {
  communityId: string
  /** The contact name to start from (the resident's own). */
  name: string
  /** Sends the need; true when it went through (the form then clears). */
  send: (fields: NeedFields) => Promise<boolean>
  busy: boolean
  error: string | null
  setError: (message: string | null) => void
}

/** A need as a resident or the desk fills it in: category from the community's catalog or 其他, content, where, when, urgency, up to 3 photos. */
export function NeedForm({ communityId, name, send, busy, error, setError }: Props) {
  const posts = useRemote(() => callFunction('posts', { action: 'list', communityId }), communityId)
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

  const onSubmit = async () => {
    const fields = { postId: postId === OTHER ? null : postId, content, address, contactName, mobile, suitableTime, urgency, photos: photos.photos.map((p) => p.fileID) }
    if (await send(fields)) {
      setContent('')
      photos.clear()
    }
  }

  return (
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
          <Button className='btn-mini btn-mini--grey' onClick={() => photos.remove(p.fileID)}>
            移除
          </Button>
        </View>
      ))}
      <Notice id='need-submit-error' tone='error' text={error} />
      <Button className='btn btn--primary btn--block' id='need-submit' disabled={busy || photos.uploading || undefined} onClick={() => void onSubmit()}>
        提交需求
      </Button>
    </View>
  )
}
