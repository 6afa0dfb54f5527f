import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import type { MemberPhoto } from '../domain/contracts/member-profile'
import type { Result } from '../domain/result'
import { uploadFile } from '../services/upload-file'
import { Notice } from './notice'
import { PhotoPicker } from './photo-picker'
import './ui.css'

interface Props {
  /** #<idPrefix>-photo (the image) or #<idPrefix>-photo-none; #<idPrefix>-photo-pick; #<idPrefix>-photo-error. */
  idPrefix: string
  photo: MemberPhoto
  /** Sets the uploaded image as the member's photo; answers the new photo. */
  save: (fileID: string) => Promise<Result<MemberPhoto>>
  onSaved: (photo: MemberPhoto) => void
}

/** 报到党员照片: shown through its temporary link; a new one is uploaded, then set (the server checks it is an image). */
export function MemberPhotoBlock({ idPrefix, photo, save, onSaved }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const pick = async (file: Parameters<typeof uploadFile>[1] | undefined) => {
    if (!file) return
    setBusy(true)
    setError(null)
    const uploaded = await uploadFile('image', file)
    const result = uploaded.ok ? await save(uploaded.data.fileID) : uploaded
    setBusy(false)
    if (result.ok) onSaved(result.data)
    else setError(result.message)
  }
  return (
    <View className='member-photo'>
      {photo?.url ? (
        <Image className='member-photo__image' id={`${idPrefix}-photo`} src={photo.url} mode='aspectFill' style={{ width: '90px', height: '120px' }} />
      ) : (
        <Text className='muted' id={`${idPrefix}-photo-none`}>
          尚无报到党员照片
        </Text>
      )}
      <PhotoPicker id={`${idPrefix}-photo-pick`} busy={busy} room={1} onPicked={(files) => void pick(files[0])} onError={setError} />
      <Notice id={`${idPrefix}-photo-error`} tone='error' text={error} />
    </View>
  )
}
