import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import type { ActionCall } from '../../../domain/contracts'
import { postsContract } from '../../../domain/contracts/posts.contract'
import { SERVICE_CATALOG } from '../../../domain/service-catalog'
import { groupPosts } from './group-posts'
import { ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FieldRow, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { checkCall } from '../../../services/validate'
import '../../../components/ui.css'
import './index.css'

const CATEGORIES = SERVICE_CATALOG.filter((c) => c.kind !== 'custom')
const CATEGORY_KEYS = CATEGORIES.map((c) => c.key)
const CATEGORY_NAMES = Object.fromEntries(CATEGORIES.map((c) => [c.key, c.name])) as Record<string, string>

// 服务岗位 (posts.manage): the community's service catalog. 附件1's items
// come preloaded; staff add posts of their own, rename and retire them (a
// retired post keeps its claims but cannot be claimed again).
export default function PostsPage() {
  return (
    <RolePage id='page-posts' roles={['staff']}>
      {(grant) =>
        grant.scope.communityId ? (
          <Posts communityId={grant.scope.communityId} communityName={grant.scopeName} />
        ) : (
          <EmptyState title='未绑定社区' text='您的社区工作人员身份没有绑定社区。' />
        )
      }
    </RolePage>
  )
}

function Posts({ communityId, communityName }: { communityId: string; communityName: string }) {
  const remote = useRemote(() => callFunction('posts', { action: 'list', communityId, includeRetired: true }), communityId)
  const [category, setCategory] = useState<string>(CATEGORY_KEYS[0]!)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [renaming, setRenaming] = useState<{ postId: string; name: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async <A extends 'add' | 'rename' | 'retire' | 'restore'>(input: ActionCall<'posts', A>, done: string): Promise<boolean> => {
    const checked = checkCall(postsContract, input)
    if (!checked.ok) {
      setError(checked.message)
      return false
    }
    setError(null)
    setBusy(true)
    const result = await callFunction('posts', input)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return false
    }
    void Taro.showToast({ title: done, icon: 'success' })
    await remote.reload()
    return true
  }

  const add = async () => {
    if (await run({ action: 'add', communityId, category, name, description }, '已添加')) {
      setName('')
      setDescription('')
    }
  }

  const rename = async () => {
    if (renaming && (await run({ action: 'rename', postId: renaming.postId, name: renaming.name }, '已改名'))) setRenaming(null)
  }

  const posts = Array.isArray(remote.data) ? remote.data : []
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}服务岗位`}</Text>
        <Text className='page-head__sub'>党员报到时从这些岗位中认领服务项目</Text>
      </View>

      <View className='card' id='posts-add'>
        <Text className='card__title'>新增服务岗位</Text>
        <FieldRow label='类别' required>
          <ChoiceChips id='posts-add-category' options={CATEGORY_KEYS} labels={CATEGORY_NAMES} value={category} onChange={setCategory} />
        </FieldRow>
        <TextField id='posts-add-name' label='岗位名称' required maxlength={30} placeholder='如 楼道长、垃圾分类督导员' value={name} onChange={setName} />
        <TextField id='posts-add-description' label='岗位说明' maxlength={100} placeholder='服务内容、时间、地点（选填）' value={description} onChange={setDescription} />
        <Button className='btn btn--primary btn--block' id='posts-add-submit' disabled={busy || undefined} onClick={() => void add()}>
          添加岗位
        </Button>
      </View>

      <Notice id='posts-error' tone='error' text={error} />

      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : posts.length === 0 ? (
        <EmptyState id='posts-empty' title='还没有服务岗位' text='请在上方添加本社区的服务岗位。' />
      ) : (
        <View id='posts-list'>
          {groupPosts(posts).map((group) => (
            <View key={group.category} className='card post-group'>
              <Text className='card__title'>{group.categoryName}</Text>
              {group.posts.map((post) => (
                <View key={post.postId} className={post.active ? 'post-row' : 'post-row post-row--retired'} id={`post-${post.postId}`}>
                  {renaming?.postId === post.postId ? (
                    <View className='post-row__rename'>
                      <Input
                        className='field__input'
                        id='posts-rename-input'
                        value={renaming.name}
                        maxlength={30}
                        onInput={(e) => setRenaming({ postId: post.postId, name: e.detail.value })}
                      />
                      <View className='btn-row'>
                        <Button className='btn-mini btn-mini--primary' id='posts-rename-save' disabled={busy || undefined} onClick={() => void rename()}>
                          保存
                        </Button>
                        <Button className='btn-mini btn-mini--grey' onClick={() => setRenaming(null)}>
                          取消
                        </Button>
                      </View>
                    </View>
                  ) : (
                    <View className='post-row__main'>
                      <View className='post-row__line'>
                        <Text className='post-row__name'>{post.name}</Text>
                        {post.active ? null : <Text className='badge badge--grey'>已停用</Text>}
                        <Text className='badge badge--amber'>{`认领 ${post.claimCount} 人`}</Text>
                      </View>
                      {post.description ? <Text className='post-row__desc'>{post.description}</Text> : null}
                      <View className='btn-row'>
                        <Button className='btn-mini post-rename' onClick={() => setRenaming({ postId: post.postId, name: post.name })}>
                          改名
                        </Button>
                        {post.active ? (
                          <Button className='btn-mini btn-mini--grey post-retire' disabled={busy || undefined} onClick={() => void run({ action: 'retire', postId: post.postId }, '已停用')}>
                            停用
                          </Button>
                        ) : (
                          <Button className='btn-mini post-restore' disabled={busy || undefined} onClick={() => void run({ action: 'restore', postId: post.postId }, '已恢复')}>
                            恢复
                          </Button>
                        )}
                      </View>
                    </View>
                  )}
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
