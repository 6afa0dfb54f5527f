import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Textarea } from '@tarojs/components'
import type { ActionCall, ActionName } from '../domain/contracts'
import { needsContract, type NeedDetail, type NeedSuggestion } from '../domain/contracts/needs.contract'
import { callFunction } from '../services/call-function'
import { useSubmit } from '../services/use-submit'
import { ChoiceChips } from './chips'
import { TextField } from './field'
import { Notice } from './notice'
import { PhotoPicker } from './photo-picker'
import { usePhotos } from './use-photos'
import './ui.css'

// What the reader may do with a need now: the server lists it (`can`), the
// page offers exactly that. Each action sends one call and shows the need as
// it comes back.

interface Props {
  need: NeedDetail
  onChanged: (need: NeedDetail) => void
}

type Call = { [A in ActionName<'needs'>]: ActionCall<'needs', A> }[ActionName<'needs'>]

const RATINGS = ['1', '2', '3', '4', '5'] as const

export function NeedActions({ need, onChanged }: Props) {
  const { busy, error, setError, submit } = useSubmit()
  const [text, setText] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const [rating, setRating] = useState<(typeof RATINGS)[number]>('5')
  const [hours, setHours] = useState('1')
  const [suggestions, setSuggestions] = useState<NeedSuggestion[] | null>(null)
  const photos = usePhotos(setError)
  const can = (event: string) => need.can.includes(event)

  const send = async (call: Call, done: string) => {
    const result = await submit(needsContract, call, () => callFunction('needs', call as never) as never)
    if (result) {
      setOpen(null)
      setText('')
      photos.clear()
      void Taro.showToast({ title: done, icon: 'success' })
      onChanged(result as NeedDetail)
    }
  }
  const needId = need.needId
  const loadSuggestions = async () => {
    setOpen('assign')
    const result = await callFunction('needs', { action: 'suggest', needId })
    if (result.ok) setSuggestions(result.data)
    else setError(result.message)
  }

  const reasonForm = (key: string, label: string, confirm: () => void) =>
    open === key ? (
      <View className='card'>
        <Textarea className='field__input' id={`need-${key}-text`} value={text} placeholder={label} maxlength={300} onInput={(e) => setText(e.detail.value)} />
        <Button className='btn btn--primary btn--block' id={`need-${key}-submit`} disabled={busy || undefined} onClick={confirm}>
          确定
        </Button>
      </View>
    ) : null

  return (
    <View id='need-actions'>
      <Notice id='need-error' tone='error' text={error} />
      <View className='btn-row'>
        {can('accept') ? <Button className='btn-mini btn-mini--primary' id='need-accept' disabled={busy || undefined} onClick={() => void send({ action: 'accept', needId }, '已受理')}>受理</Button> : null}
        {can('reject') ? <Button className='btn-mini btn-mini--grey' id='need-reject' onClick={() => setOpen('reject')}>不予受理</Button> : null}
        {can('assign') ? <Button className='btn-mini btn-mini--primary' id='need-assign' onClick={() => void loadSuggestions()}>分派党员</Button> : null}
        {can('publish') ? <Button className='btn-mini' id='need-publish' disabled={busy || undefined} onClick={() => void send({ action: 'publish', needId }, '已发布')}>发布到微心愿</Button> : null}
        {can('merge') ? <Button className='btn-mini btn-mini--grey' id='need-merge' onClick={() => setOpen('merge')}>合并重复</Button> : null}
        {can('close') ? <Button className='btn-mini btn-mini--grey' id='need-close' disabled={busy || undefined} onClick={() => void send({ action: 'close', needId }, '已关闭')}>关闭</Button> : null}
        {can('claim') ? <Button className='btn-mini btn-mini--primary' id='need-claim' disabled={busy || undefined} onClick={() => void send({ action: 'claim', needId }, '已认领')}>认领</Button> : null}
        {can('complete') ? <Button className='btn-mini btn-mini--primary' id='need-complete' onClick={() => setOpen('complete')}>完成服务</Button> : null}
        {can('decline') ? <Button className='btn-mini btn-mini--grey' id='need-decline' onClick={() => setOpen('decline')}>退回</Button> : null}
        {can('addInfo') ? <Button className='btn-mini' id='need-add-info' onClick={() => setOpen('addInfo')}>补充说明</Button> : null}
        {can('withdraw') ? <Button className='btn-mini btn-mini--grey' id='need-withdraw' disabled={busy || undefined} onClick={() => void send({ action: 'withdraw', needId }, '已撤回')}>撤回</Button> : null}
        {can('rate') ? <Button className='btn-mini btn-mini--primary' id='need-rate' onClick={() => setOpen('rate')}>评价</Button> : null}
      </View>
      {reasonForm('reject', '不予受理的原因', () => void send({ action: 'reject', needId, reason: text }, '已处理'))}
      {reasonForm('decline', '退回的原因', () => void send({ action: 'decline', needId, reason: text }, '已退回'))}
      {reasonForm('addInfo', '补充的情况', () => void send({ action: 'addInfo', needId, text }, '已补充'))}
      {reasonForm('merge', '与之重复的需求编号（在需求详情地址中）', () => void send({ action: 'merge', needId, intoNeedId: text.trim() }, '已合并'))}
      {open === 'assign' ? (
        <View className='card' id='need-suggestions'>
          <Text className='card__title'>推荐党员（认领岗位相符、特长相符、手头任务少者在前）</Text>
          {suggestions === null ? <Text className='muted'>加载中…</Text> : null}
          {suggestions?.map((s) => (
            <View key={s.memberId} className='btn-row need-suggestion' id={`suggest-${s.memberId}`}>
              <Text className='card__text'>{`${s.name} · ${s.unitName} · ${s.reason === 'post' ? '认领岗位相符' : s.reason === 'skill' ? '特长相符' : '本社区党员'} · 进行中${s.openAssignments}件`}</Text>
              <Button className='btn-mini btn-mini--primary' disabled={busy || undefined} onClick={() => void send({ action: 'assign', needId, memberId: s.memberId }, '已分派')}>
                分派
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      {open === 'complete' ? (
        <View className='card' id='need-complete-form'>
          <Textarea className='field__input' id='need-complete-what' value={text} placeholder='服务内容' maxlength={300} onInput={(e) => setText(e.detail.value)} />
          <TextField id='need-complete-hours' label='服务时长（小时）' type='digit' value={hours} onChange={setHours} required />
          <PhotoPicker id='need-complete-photo' busy={photos.uploading} room={photos.room} onPicked={(files) => void photos.add(files)} onError={setError} />
          {photos.photos.map((p) => <Text key={p.fileID} className='muted'>{p.name}</Text>)}
          <Button
            className='btn btn--primary btn--block'
            id='need-complete-submit'
            disabled={busy || photos.uploading || undefined}
            onClick={() => void send({ action: 'complete', needId, what: text, doneAt: new Date().toISOString(), hours: Number(hours), photos: photos.photos.map((p) => p.fileID) }, '已完成')}
          >
            提交
          </Button>
        </View>
      ) : null}
      {open === 'rate' ? (
        <View className='card' id='need-rate-form'>
          <ChoiceChips id='need-rating' options={RATINGS} value={rating} onChange={setRating} labels={{ '1': '1分', '2': '2分', '3': '3分', '4': '4分', '5': '5分' }} />
          <Textarea className='field__input' id='need-rate-comment' value={text} placeholder='说说您的评价（选填）' maxlength={200} onInput={(e) => setText(e.detail.value)} />
          <Button className='btn btn--primary btn--block' id='need-rate-submit' disabled={busy || undefined} onClick={() => void send({ action: 'rate', needId, rating: Number(rating), comment: text }, '感谢评价')}>
            提交评价
          </Button>
        </View>
      ) : null}
    </View>
  )
}
