import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button, Picker, Textarea } from '@tarojs/components'
import { activityContract, type ActivityView } from '../../../domain/contracts/activity.contract'
import { rolesFor } from '../../../domain/permissions'
import type { PostView } from '../../../domain/contracts/posts.contract'
import { ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { PairedCommunityPicker } from '../../../components/paired-community-picker'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import { checkCall } from '../../../services/validate'
import { groupPosts } from '../posts/group-posts'
import { organiserSide, pageUrl } from '../activity-common/organiser'
import { TIME_HINT } from '../activity-common/time-text'
import { CentreChoice, type CentreChoiceValue } from './centre-choice'
import { formProblem, fromView, scheduleProblem, toFields, type ActivityForm } from './form-state'
import '../../../components/ui.css'
import './index.css'

const YES_NO = ['yes', 'no'] as const
const YES_NO_LABELS = { yes: '需要报名', no: '无需报名' }

// 新建/编辑活动 (activity.manage): a draft is created in the organiser's
// community, or (a unit's secretary or liaison) in the paired community they
// pick, for their unit; then edited here until it ends; ?activityId= edits
// one. The form checks with the contract's own schema before sending; the
// server checks again.
export default function ActivityEditPage() {
  const { params } = useRouter()
  const activityId = typeof params.activityId === 'string' && params.activityId ? params.activityId : null
  return (
    <RolePage id='page-activity-edit' roles={rolesFor('activity.manage')}>
      {(grant) => {
        if (activityId) return <EditLoader activityId={activityId} />
        const side = organiserSide(grant)
        if (side?.kind === 'community') return <ActivityFormCard communityId={side.communityId} />
        if (side?.kind === 'unit') return <UnitActivityForm unitId={side.unitId} />
        if (side?.kind === 'centre') return <CentreActivityForm />
        return <EmptyState id='activity-no-community' title='暂不能新建活动' text='您的授权未关联社区或单位。' />
      }}
    </RolePage>
  )
}

/** A unit's activity: first the paired community (its catalog and place), then the form. */
function UnitActivityForm({ unitId }: { unitId: string }) {
  const [communityId, setCommunityId] = useState('')
  return (
    <View>
      <View className='card'>
        <PairedCommunityPicker unitId={unitId} value={communityId} onChange={setCommunityId} />
      </View>
      {communityId ? <ActivityFormCard key={communityId} communityId={communityId} newFor={{ unitId }} /> : null}
    </View>
  )
}

/** The volunteer centre's: the item it serves and the community it is held in, then the form. */
function CentreActivityForm() {
  const [choice, setChoice] = useState<CentreChoiceValue>({ item: '', communityId: '' })
  return (
    <View>
      <CentreChoice value={choice} onChange={setChoice} />
      {choice.item && choice.communityId ? <ActivityFormCard key={choice.communityId} communityId={choice.communityId} newFor={{ item: choice.item }} /> : null}
    </View>
  )
}

/** Whom a new draft is for, besides the community's own: a unit's (in a paired community), or the centre's for one item. */
type NewFor = { unitId: string } | { item: string }

/** The centre's activity serves its 志愿专业服务 item, fixed at creation: it picks no post. */
function fixedItem(activity: ActivityView | undefined, newFor: NewFor | undefined): string | null {
  if (activity) return activity.organiserKind === 'volunteerCentre' ? activity.postName : null
  return newFor && 'item' in newFor ? newFor.item : null
}

function EditLoader({ activityId }: { activityId: string }) {
  const remote = useRemote(() => callFunction('activity', { action: 'get', activityId }), activityId)
  if (!remote.data) return <RemoteState remote={remote} />
  if (remote.data.status === 'ended' || remote.data.status === 'cancelled') {
    return <EmptyState id='activity-closed' title='活动不能再修改' text='已结束或已取消的活动不能修改。' />
  }
  return <ActivityFormCard communityId={remote.data.communityId} activity={remote.data} />
}

/** "不关联服务项目", the community's active posts as "类别 · 名称", and the activity's own post if it is no longer offered. */
function postChoices(posts: readonly PostView[], activity: ActivityView | undefined): Array<{ postId: string | null; label: string }> {
  const active = groupPosts(posts.filter((p) => p.active)).flatMap((g) => g.posts.map((p) => ({ postId: p.postId, label: `${g.categoryName} · ${p.name}` })))
  const own = activity?.postId && !active.some((c) => c.postId === activity.postId) ? [{ postId: activity.postId, label: activity.postName ?? '' }] : []
  return [{ postId: null, label: '不关联服务项目' }, ...own, ...active]
}

function ActivityFormCard({ communityId, newFor, activity }: { communityId: string; newFor?: NewFor; activity?: ActivityView }) {
  const item = fixedItem(activity, newFor)
  const posts = useRemote(() => (item ? Promise.resolve({ ok: true as const, data: [] }) : callFunction('posts', { action: 'list', communityId })), communityId)
  const [form, setForm] = useState<ActivityForm>(() => fromView(activity))
  const [note, setNote] = useState('')
  const [locating, setLocating] = useState(false)
  const [accuracy, setAccuracy] = useState<number | null>(null)
  const { busy, error, setError, submit } = useSubmit()
  const set = <K extends keyof ActivityForm>(key: K, value: ActivityForm[K]) => setForm((f) => ({ ...f, [key]: value }))

  const choices = postChoices(posts.data ?? [], activity)
  const chosen = Math.max(0, choices.findIndex((c) => c.postId === form.postId))
  const published = activity?.status === 'published'

  const locate = async () => {
    setLocating(true)
    setError(null)
    try {
      const here = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true })
      set('location', { lat: here.latitude, lng: here.longitude })
      setAccuracy(here.accuracy)
    } catch {
      setError('无法获取当前位置，请允许使用位置信息后重试')
    } finally {
      setLocating(false)
    }
  }

  const save = async () => {
    const fields = toFields(form)
    // An unchanged post is not sent again: it may have been retired since, and is kept.
    const { postId, ...others } = fields
    const call = activity
      ? { action: 'update' as const, activityId: activity.activityId, note, ...(postId === activity.postId ? others : fields) }
      : item
        ? { action: 'createVolunteer' as const, communityId, item, ...others }
        : { action: 'create' as const, communityId, ...(newFor && 'unitId' in newFor ? { unitId: newFor.unitId } : {}), ...fields }
    const checked = checkCall(activityContract, call)
    const problem = checked.ok ? scheduleProblem(fields) : formProblem(form, checked)
    if (problem) return setError(problem)
    if (call.action === 'update') {
      const saved = await submit(activityContract, call, () => callFunction('activity', call))
      if (!saved) return
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack()
      return
    }
    const created = await submit(activityContract, call, () => callFunction('activity', call))
    if (created) void Taro.redirectTo({ url: pageUrl('detail', { activityId: created.activityId }) })
  }

  return (
    <View id='activity-form'>
      <View className='card'>
        <Text className='card__title'>{activity ? '修改活动' : '新建活动'}</Text>
        <TextField id='activity-title' label='活动名称' required maxlength={40} value={form.title} onChange={(v) => set('title', v)} />
        {item ? (
          <FieldRow label='服务项目'>
            <View className='field__input' id='activity-post-text'>
              {`志愿专业服务 · ${item}`}
            </View>
          </FieldRow>
        ) : (
          <FieldRow label='服务项目' hint={posts.error ? '服务项目加载失败，可稍后再选' : '活动服务的社区岗位（社区服务项目目录）'}>
            <Picker
              id='activity-post'
              className='activity-form__picker'
              mode='selector'
              range={choices.map((c) => c.label)}
              value={chosen}
              onChange={(e) => set('postId', choices[Number(e.detail.value)]?.postId ?? null)}
            >
              <View className='field__input activity-form__picker-value' id='activity-post-text'>
                {choices[chosen]?.label}
              </View>
            </Picker>
          </FieldRow>
        )}
        <FieldRow label='活动内容'>
          <Textarea
            className='field__input activity-form__textarea'
            id='activity-description'
            maxlength={1000}
            value={form.description}
            placeholder='活动安排、需要携带的物品等'
            onInput={(e) => set('description', e.detail.value)}
          />
        </FieldRow>
        <TextField id='activity-place' label='活动地点' required maxlength={60} value={form.place} onChange={(v) => set('place', v)} />
        <TextField id='activity-startAt' label='开始时间' required hint={TIME_HINT} value={form.startAt} onChange={(v) => set('startAt', v)} />
        <TextField id='activity-endAt' label='结束时间' required value={form.endAt} onChange={(v) => set('endAt', v)} />
      </View>

      <View className='card'>
        <Text className='card__title'>报名</Text>
        <FieldRow label='是否需要报名'>
          <ChoiceChips
            id='activity-signupRequired'
            options={YES_NO}
            labels={YES_NO_LABELS}
            value={form.signupRequired ? 'yes' : 'no'}
            onChange={(v) => set('signupRequired', v === 'yes')}
          />
        </FieldRow>
        <TextField id='activity-capacity' label='人数上限' type='number' hint='不填或填 0 为不限人数；报满后报名者进入候补' value={form.capacity} onChange={(v) => set('capacity', v)} />
        <TextField id='activity-signin-early' label='提前签到（分钟）' type='number' hint='开始前多少分钟起可以扫码签到' value={form.signinEarlyMin} onChange={(v) => set('signinEarlyMin', v)} />
        <TextField id='activity-signupOpensAt' label='报名开始时间' hint='不填：发布后即可报名' value={form.signupOpensAt} onChange={(v) => set('signupOpensAt', v)} />
        <TextField id='activity-signupClosesAt' label='报名截止时间' hint='不填：活动开始时截止' value={form.signupClosesAt} onChange={(v) => set('signupClosesAt', v)} />
      </View>

      <View className='card'>
        <Text className='card__title'>签到位置（可选）</Text>
        <Text className='card__text'>设置后，党员签到时记录与活动地点的距离；超出范围的签到会标记提示，但不会被拒绝。</Text>
        {form.location ? (
          <Text className='activity-form__location' id='activity-location-text'>
            {`已设置：纬度 ${form.location.lat.toFixed(6)}，经度 ${form.location.lng.toFixed(6)}${accuracy !== null ? `（定位精度约 ${Math.round(accuracy)} 米）` : ''}`}
          </Text>
        ) : null}
        <View className='btn-row'>
          <Button className='btn-mini btn-mini--primary' id='activity-locate' disabled={locating || undefined} onClick={() => void locate()}>
            {locating ? '正在定位…' : '使用我当前的位置'}
          </Button>
          {form.location ? (
            <Button className='btn-mini btn-mini--grey' id='activity-location-clear' onClick={() => set('location', null)}>
              不设签到位置
            </Button>
          ) : null}
        </View>
        {form.location ? (
          <TextField id='activity-radius' label='签到范围（米）' type='number' hint='10 到 5000 米；室内定位误差常有 40–65 米' value={form.radius} onChange={(v) => set('radius', v)} />
        ) : null}
      </View>

      {published ? (
        <View className='card'>
          <TextField id='activity-note' label='变更说明' maxlength={20} hint='修改时间或地点后，将通知已报名的党员' value={note} onChange={setNote} />
        </View>
      ) : null}

      <Notice id='activity-error' tone='error' text={error} />
      <View className='actions'>
        <Button className='btn btn--primary' id='activity-save' disabled={busy || undefined} onClick={() => void save()}>
          {busy ? '正在保存…' : activity ? '保存修改' : '保存为草稿'}
        </Button>
      </View>
    </View>
  )
}
