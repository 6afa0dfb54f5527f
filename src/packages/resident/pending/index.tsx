import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { ABILITIES } from '../../../domain/abilities'
import { isAbility, PendingFeature } from '../../../components/pending-feature'

// Stand-in for an ability whose page is not built yet (see services/routes.ts):
// /packages/<pkg>/pending/index?ability=<ability>.
export default function PendingPage() {
  const { params } = useRouter()
  const ability = isAbility(params.ability) ? params.ability : undefined
  useEffect(() => {
    if (ability) void Taro.setNavigationBarTitle({ title: ABILITIES[ability].label })
  }, [ability])
  return <PendingFeature ability={ability} />
}
