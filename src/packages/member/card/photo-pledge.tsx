import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { inChina } from '../../../domain/china-time'
import { cardContract } from '../../../domain/contracts/card.contract'
import type { MemberProfile } from '../../../domain/contracts/member-profile'
import { PLEDGE_MAX_CHARS } from '../../../domain/pledge'
import { TextField } from '../../../components/field'
import { MemberPhotoBlock } from '../../../components/member-photo'
import { Notice } from '../../../components/notice'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'

// The card page's own extras (issue 11 §3, §4): the member's photo, which the
// community sees on the registration and the card, and their 一句话承诺 for
// this year, editable until the district closes the year.
export function PhotoAndPledge() {
  const year = inChina(new Date()).year()
  const remote = useRemote(() => callFunction('card', { action: 'profile', year }), String(year))
  if (!remote.data) return null
  return <Loaded profile={remote.data} onChange={remote.setData} />
}

function Loaded({ profile, onChange }: { profile: MemberProfile; onChange: (p: MemberProfile) => void }) {
  const [text, setText] = useState(profile.pledge?.text ?? '')
  const [saved, setSaved] = useState<string | null>(null)
  const { busy, error, submit } = useSubmit()
  const save = async () => {
    const call = { action: 'pledgeSave' as const, year: profile.year, text }
    const pledge = await submit(cardContract, call, () => callFunction('card', call))
    if (pledge) {
      onChange({ ...profile, pledge })
      setSaved('已保存')
    }
  }
  return (
    <View className='card' id='card-extras'>
      <Text className='card__title'>报到党员照片</Text>
      <MemberPhotoBlock idPrefix='card' photo={profile.photo} save={(fileID) => callFunction('card', { action: 'photoSet', fileID })} onSaved={(photo) => onChange({ ...profile, photo })} />
      <Text className='card__title'>{`${profile.year}年一句话承诺`}</Text>
      {profile.pledge ? (
        <Text className='card__text' id='card-pledge'>
          {profile.pledge.text}
        </Text>
      ) : null}
      {profile.yearClosed ? (
        <Text className='muted' id='card-pledge-closed'>
          该年度已关账，承诺不能再修改
        </Text>
      ) : (
        <View>
          <TextField id='card-pledge-input' label='一句话承诺' maxlength={PLEDGE_MAX_CHARS} placeholder='如：每月为社区老人义务理发一次' hint={`不超过${PLEDGE_MAX_CHARS}个字`} value={text} onChange={setText} />
          <Notice id='card-pledge-error' tone='error' text={error} />
          <Notice id='card-pledge-saved' tone='success' text={saved} />
          <Button className='btn btn--primary' id='card-pledge-save' disabled={busy || undefined} onClick={() => void save()}>
            保存承诺
          </Button>
        </View>
      )}
    </View>
  )
}
