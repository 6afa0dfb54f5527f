import { View, Text, Picker } from '@tarojs/components'
import type { PairingView } from '../domain/contracts/pairing.contract'
import { callFunction } from '../services/call-function'
import { useRemote } from '../services/use-remote'
import { FieldRow } from './field'
import { RemoteState } from './remote-state'
import './ui.css'

interface Props {
  unitId: string
  /** The chosen community id; '' for none yet. */
  value: string
  onChange: (communityId: string) => void
}

/** The communities a unit may organise activities in: those it (or a branch) is paired with now, each once. */
export function pairedCommunities(pairings: readonly PairingView[]): Array<{ communityId: string; label: string }> {
  const seen = new Map<string, string>()
  for (const p of pairings) if (p.status === 'active' && !seen.has(p.communityId)) seen.set(p.communityId, `${p.streetName} · ${p.communityName}`)
  return [...seen].map(([communityId, label]) => ({ communityId, label }))
}

// The unit organiser's 活动社区 (issue 9 §2): only a paired community, as the server requires.
export function PairedCommunityPicker({ unitId, value, onChange }: Props) {
  const remote = useRemote(() => callFunction('pairing', { action: 'list', unitId, status: 'active' }), unitId)
  if (remote.data === null) return <RemoteState remote={remote} />
  const options = pairedCommunities(remote.data)
  const chosen = options.findIndex((o) => o.communityId === value)
  return (
    <FieldRow label='活动社区' required hint={options.length === 0 ? '本单位还没有结对社区，请联系街道或区委组织部登记结对' : '只能在本单位的结对社区组织活动'}>
      <Picker
        id='paired-community'
        mode='selector'
        range={options.map((o) => o.label)}
        value={Math.max(chosen, 0)}
        disabled={options.length === 0}
        onChange={(e) => {
          const picked = options[Number(e.detail.value)]
          if (picked) onChange(picked.communityId)
        }}
      >
        <View className='field__input' id='paired-community-text'>
          <Text>{chosen >= 0 ? options[chosen]!.label : '请选择结对社区'}</Text>
        </View>
      </Picker>
    </FieldRow>
  )
}
