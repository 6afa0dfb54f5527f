import { View, Text } from '@tarojs/components'
import './ui.css'

interface ChipProps {
  label: string
  selected: boolean
  onTap: () => void
  className?: string
  id?: string
  /** Small grey line under the label (a post's description). */
  note?: string
}

/** A tappable choice; selected chips are red. */
export function Chip({ label, selected, onTap, className, id, note }: ChipProps) {
  const classes = ['chip', selected ? 'chip--selected' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} id={id} onClick={onTap}>
      <Text className='chip__label'>{label}</Text>
      {note ? <Text className='chip__note'>{note}</Text> : null}
    </View>
  )
}

interface ChoiceProps<T extends string> {
  id?: string
  options: readonly T[]
  value: T | undefined | null
  onChange: (value: T) => void
  labels?: Partial<Record<T, string>>
}

/** One of a few options as chips (性别, 文化程度, 是/否). */
export function ChoiceChips<T extends string>({ id, options, value, onChange, labels }: ChoiceProps<T>) {
  return (
    <View className='chips' id={id}>
      {options.map((option) => (
        <Chip key={option} className='choice-chip' label={labels?.[option] ?? option} selected={value === option} onTap={() => onChange(option)} />
      ))}
    </View>
  )
}
