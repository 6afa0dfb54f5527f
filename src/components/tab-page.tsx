import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { Tab } from '../domain/menu'
import type { BootstrapData } from '../domain/contracts/bootstrap.contract'
import { useSession } from '../services/session'
import { usePullDownReload } from '../services/use-pull-down-reload'
import { EntryList } from './entry-list'
import { SessionGate } from './session-gate'

interface Props {
  tab: Tab
  /** Shown above the entries (greeting, profile). */
  header?: (data: BootstrapData) => ReactNode
  /** Shown below the entries (links). */
  footer?: (data: BootstrapData) => ReactNode
}

// The frame shared by the five tabs: session states, then the tab's entries.
export function TabPage({ tab, header, footer }: Props) {
  const session = useSession()
  usePullDownReload(session.reload)
  return (
    <View className='page' id={`page-${tab}`}>
      <SessionGate session={session}>
        {(data) => (
          <>
            {header ? header(data) : null}
            <EntryList tab={tab} entries={data.menu} />
            {footer ? footer(data) : null}
          </>
        )}
      </SessionGate>
    </View>
  )
}
