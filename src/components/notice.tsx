import { Text } from '@tarojs/components'
import './ui.css'

interface Props {
  id?: string
  tone?: 'error' | 'success' | 'info' | 'warn'
  text: string | null | undefined
}

// One line of feedback above or below a form: a server's Chinese message, a
// validation problem, a saved confirmation.
export function Notice({ id, tone = 'info', text }: Props) {
  if (!text) return null
  return (
    <Text className={`notice notice--${tone}`} id={id}>
      {text}
    </Text>
  )
}
