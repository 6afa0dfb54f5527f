import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import { registrationSchema, type RegistrationView } from '../../../domain/contracts/report.contract'
import { MIN_CLAIMS } from '../../../domain/service-catalog'
import { Chip, ChoiceChips } from '../../../components/chips'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { EmptyState } from '../../../components/empty-state'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { check } from '../../../services/validate'
import { claimCount, claimNames, fromView, toInput, type FormState } from './form-state'
import '../../../components/ui.css'
import './index.css'
import { KeyValue } from '../../../components/key-value'
import { PartyFactsFields } from '../../../components/party-facts-fields'
import { RegistrationPhoto } from './registration-photo'

const KIND_TITLES = {
  community: '社区服务项目（根据社区提供的项目名单选择，至少选二项）',
  volunteer: '志愿专业服务项目（按照个人特长自愿选择，由区志愿者工作指导中心统一协调）',
  custom: '个人自选项目',
} as const

// 报到登记 (registration.fill): the 附件1 form 西湖区在职党员向社区报到登记表
// and the claims (at least 2). A member fills their own; community staff
// fill it for a member with ?memberId= (from the check-in result).
export default function RegistrationPage() {
  const { params } = useRouter()
  const memberId = typeof params.memberId === 'string' && params.memberId ? params.memberId : undefined
  return (
    <RolePage id='page-registration' roles={memberId ? ['staff', 'member'] : ['member', 'staff']}>
      {(grant) => <RegistrationBody grant={grant} memberId={memberId} />}
    </RolePage>
  )
}

function RegistrationBody({ grant, memberId }: { grant: GrantView; memberId?: string }) {
  if (grant.role === 'staff' && !memberId) {
    return <EmptyState id='registration-no-member' title='请先扫码报到' text='社区工作人员请在“扫码报到”确认报到后，点击“填写报到登记表”为该党员登记。' />
  }
  return <RegistrationLoader memberId={grant.role === 'member' && !memberId ? undefined : memberId} />
}

function RegistrationLoader({ memberId }: { memberId?: string }) {
  const remote = useRemote(
    () => callFunction('report', memberId ? { action: 'registrationGet', memberId } : { action: 'registrationGet' }),
    memberId ?? 'self',
  )
  if (!remote.data) return <RemoteState remote={remote} />
  return <RegistrationForm key={remote.data.memberId} view={remote.data} memberId={memberId} onSaved={remote.setData} />
}

interface FormProps {
  view: RegistrationView
  memberId?: string
  onSaved: (view: RegistrationView) => void
}

function RegistrationForm({ view, memberId, onSaved }: FormProps) {
  const [state, setState] = useState<FormState>(() => fromView(view.form))
  const [mode, setMode] = useState<'edit' | 'saved'>(() => ((view.form.claims?.length ?? 0) >= MIN_CLAIMS ? 'saved' : 'edit'))
  const [saved, setSaved] = useState<Pick<FormState, 'postIds' | 'customs'>>(() => fromView(view.form))
  const [custom, setCustom] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }))
  const count = claimCount(state)

  const togglePost = (postId: string) =>
    setState((s) => ({ ...s, postIds: s.postIds.includes(postId) ? s.postIds.filter((id) => id !== postId) : [...s.postIds, postId] }))

  const addCustom = () => {
    const text = custom.trim()
    if (!text) {
      setError('请先填写个人自选项目内容')
      return
    }
    if (text.length > 50) {
      setError('个人自选项目不能超过50个字')
      return
    }
    setError(null)
    setState((s) => (s.customs.includes(text) ? s : { ...s, customs: [...s.customs, text] }))
    setCustom('')
  }

  const submit = async () => {
    if (submitting) return
    const checked = check(registrationSchema, toInput(state))
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    setError(null)
    setSubmitting(true)
    const result = await callFunction('report', { action: 'registrationSave', ...(memberId ? { memberId } : {}), form: checked.data })
    setSubmitting(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setSaved({ postIds: state.postIds, customs: state.customs })
    setMode('saved')
    void Taro.showToast({ title: '登记已保存', icon: 'success' })
    if (result.data && typeof result.data === 'object' && Array.isArray((result.data as RegistrationView).catalog)) {
      onSaved(result.data)
    }
  }

  const header = (
    <View className='card reg-head'>
      <Text className='card__title'>西湖区在职党员向社区报到登记表</Text>
      <KeyValue label='姓名' id='registration-name'>{view.name}</KeyValue>
      <KeyValue label='工作单位'>{view.unitName}</KeyValue>
      <KeyValue label='居住社区'>{view.communityName}</KeyValue>
      <KeyValue label='报到状态' id='registration-reported'>{view.reported ? '已报到' : '尚未报到'}</KeyValue>
      <RegistrationPhoto memberId={memberId} />
    </View>
  )

  if (mode === 'saved') {
    const names = claimNames(saved, view.catalog)
    return (
      <View>
        {header}
        <View className='card' id='registration-saved'>
          <Text className='card__title'>{`已认领服务项目（${names.length}项）`}</Text>
          {names.map((name) => (
            <Text key={name} className='claimed-item'>
              {name}
            </Text>
          ))}
        </View>
        <View className='actions'>
          <Button className='btn btn--plain' id='registration-edit' onClick={() => setMode('edit')}>
            修改登记
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View>
      {header}
      {view.reported ? null : (
        <Notice tone='warn' text={`尚未报到：请先持联系证到${view.communityName}，由社区工作人员扫码报到，报到后方可提交登记表。`} />
      )}
      <View className='card'>
        <Text className='card__title'>基本情况</Text>
        <PartyFactsFields idPrefix='reg' values={state} onChange={(patch) => setState((s) => ({ ...s, ...patch }))} />
        <TextField id='reg-hobbies' label='有何爱好特长' placeholder='如 书法、摄影、法律咨询' value={state.hobbies} onChange={(v) => set('hobbies', v)} maxlength={100} />
      </View>
      <View className='card'>
        <Text className='card__title'>联系方式</Text>
        <TextField id='reg-officePhone' label='办公室电话' placeholder='如 0571-87654321' value={state.officePhone} onChange={(v) => set('officePhone', v)} />
        <TextField
          id='reg-mobile'
          label='手机号码'
          required
          type='number'
          maxlength={11}
          placeholder={view.form.mobile?.includes('*') ? `原号码 ${view.form.mobile}，请完整填写` : undefined}
          value={state.mobile}
          onChange={(v) => set('mobile', v)}
        />
        <TextField id='reg-qq' label='QQ号' type='number' maxlength={12} value={state.qq} onChange={(v) => set('qq', v)} />
        <TextField id='reg-address' label='家庭详址' required placeholder='小区、楼幢、单元、室' value={state.address} onChange={(v) => set('address', v)} maxlength={100} />
        <TextField id='reg-jobTitle' label='工作单位职务' placeholder='如 科长' value={state.jobTitle} onChange={(v) => set('jobTitle', v)} maxlength={30} />
        <FieldRow label='是否愿意担任所领办项目联络员' required>
          <ChoiceChips
            id='reg-liaison'
            options={['yes', 'no'] as const}
            labels={{ yes: '是', no: '否' }}
            value={state.willingLiaison === null ? null : state.willingLiaison ? 'yes' : 'no'}
            onChange={(v) => set('willingLiaison', v === 'yes')}
          />
        </FieldRow>
      </View>

      <View className='card' id='registration-claims'>
        <Text className='card__title'>领办项目</Text>
        <Text className={count >= MIN_CLAIMS ? 'claim-count claim-count--ok' : 'claim-count'} id='registration-claim-count'>
          {count >= MIN_CLAIMS ? `已选 ${count} 项` : `已选 ${count} 项，至少需认领 ${MIN_CLAIMS} 项`}
        </Text>
        {(['community', 'volunteer', 'custom'] as const).map((kind) => {
          const groups = view.catalog.filter((g) => g.kind === kind)
          if (groups.length === 0 && kind !== 'custom') return null
          return (
            <View key={kind} className='claim-section'>
              <Text className='claim-section__title'>{KIND_TITLES[kind]}</Text>
              {groups
                .filter((g) => g.kind !== 'custom')
                .map((group) => (
                  <View key={group.category} className='claim-group'>
                    <Text className='claim-group__name'>{group.categoryName}</Text>
                    <View className='chips'>
                      {group.posts.map((post) => (
                        <Chip
                          key={post.postId}
                          id={`claim-${post.postId}`}
                          className='claim-chip'
                          label={post.name}
                          note={kind === 'volunteer' ? post.description : undefined}
                          selected={state.postIds.includes(post.postId)}
                          onTap={() => togglePost(post.postId)}
                        />
                      ))}
                    </View>
                  </View>
                ))}
              {kind === 'custom' ? (
                <View className='claim-group'>
                  <View className='chips'>
                    {state.customs.map((text) => (
                      <Chip
                        key={text}
                        className='claim-chip claim-chip--custom'
                        label={`${text} ×`}
                        selected
                        onTap={() => setState((s) => ({ ...s, customs: s.customs.filter((c) => c !== text) }))}
                      />
                    ))}
                  </View>
                  <View className='custom-row'>
                    <Input
                      className='field__input custom-row__input'
                      id='registration-custom-input'
                      value={custom}
                      placeholder='填写个人自选项目，如 家电清洗'
                      maxlength={50}
                      onInput={(e) => setCustom(e.detail.value)}
                    />
                    <Button className='btn-mini btn-mini--primary' id='registration-custom-add' onClick={addCustom}>
                      添加
                    </Button>
                  </View>
                </View>
              ) : null}
            </View>
          )
        })}
      </View>

      <Notice id='registration-error' tone='error' text={error} />
      <View className='actions'>
        <Button className='btn btn--primary' id='registration-submit' disabled={submitting || undefined} onClick={() => void submit()}>
          {submitting ? '正在保存…' : '提交登记'}
        </Button>
      </View>
    </View>
  )
}
