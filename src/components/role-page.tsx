import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { BootstrapData, GrantView } from '../domain/contracts/bootstrap.contract'
import { ROLE_LABELS, type Role } from '../domain/roles'
import { grantFor } from '../services/grants'
import { useSession } from '../services/session'
import { EmptyState } from './empty-state'
import { SessionGate } from './session-gate'
import './ui.css'

interface Props {
  /** Root id of the page, a browser-test hook: #page-checkin, #page-card… */
  id: string
  /** Roles that may use the page; the first matching grant is handed down. */
  roles: readonly Role[]
  className?: string
  children: (grant: GrantView, data: BootstrapData) => ReactNode
}

// The frame of a role page in a subpackage: the session states (a deep link
// on h5 loads the session here), then the page with the caller's grant, or
// a plain "not for your role" when they hold none of `roles`.
export function RolePage({ id, roles, className, children }: Props) {
  const session = useSession()
  return (
    <View className={className ? `page role-page ${className}` : 'page role-page'} id={id}>
      <SessionGate session={session}>
        {(data) => {
          const grant = grantFor(data, roles)
          if (!grant) {
            return (
              <EmptyState
                id='role-missing'
                title='暂无办理权限'
                text={`此功能供${roles.map((r) => ROLE_LABELS[r]).join('、')}使用，您当前的身份无需办理。`}
              />
            )
          }
          return children(grant, data)
        }}
      </SessionGate>
    </View>
  )
}
