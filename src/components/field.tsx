import type { ReactNode } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import './ui.css'

interface RowProps {
  label: string
  required?: boolean
  children: ReactNode
  hint?: string
}

/** A labelled row of a form card. */
export function FieldRow({ label, required, children, hint }: RowProps) {
  return (
    <View className='field'>
      <Text className='field__label'>
        {label}
        {required ? <Text className='field__required'>*</Text> : null}
      </Text>
      <View className='field__control'>{children}</View>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
    </View>
  )
}

interface TextFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  required?: boolean
  hint?: string
  type?: 'text' | 'number' | 'digit'
  maxlength?: number
}

/** A labelled text input; `id` is on the <input> itself (h5 and tests). */
export function TextField({ id, label, value, onChange, placeholder, required, hint, type = 'text', maxlength }: TextFieldProps) {
  return (
    <FieldRow label={label} required={required} hint={hint}>
      <Input
        className='field__input'
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength ?? 140}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FieldRow>
  )
}

interface TextAreaFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  required?: boolean
  maxlength: number
}

/** A labelled multi-line text (需求内容, 会议内容); `id` is on the <textarea>. */
export function TextAreaField({ id, label, value, onChange, placeholder, required, maxlength }: TextAreaFieldProps) {
  return (
    <FieldRow label={label} required={required}>
      <Textarea className='field__input field__textarea' id={id} value={value} placeholder={placeholder} maxlength={maxlength} autoHeight onInput={(e) => onChange(e.detail.value)} />
    </FieldRow>
  )
}
