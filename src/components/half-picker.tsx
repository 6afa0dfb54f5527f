import { View } from '@tarojs/components'
import { halfKey, type HalfRef } from '../domain/half-year'
import { halfLabel } from '../domain/quarter'
import { Chip } from './chips'
import './ui.css'

interface Props {
  id: string
  halves: readonly HalfRef[]
  value: HalfRef
  onChange: (half: HalfRef) => void
}

/** The half-years a bulletin page offers, newest first; each chip is #<id>-<2026H1>. */
export function HalfPicker({ id, halves, value, onChange }: Props) {
  return (
    <View className='chips' id={id}>
      {halves.map((h) => (
        <Chip key={halfKey(h)} id={`${id}-${halfKey(h)}`} label={halfLabel(h.year, h.half)} selected={halfKey(h) === halfKey(value)} onTap={() => onChange(h)} />
      ))}
    </View>
  )
}
