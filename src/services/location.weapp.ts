import Taro from '@tarojs/taro'
import type { ReportedPosition } from '../domain/location-flag'

// weapp: wx.getLocation, declared in app.config (requiredPrivateInfos and
// permission['scope.userLocation']). WGS-84, as the browser reports and as the
// organiser's point is kept. A refusal (or any failure) is null: the sign-in
// goes ahead without a position.
export async function currentPosition(): Promise<ReportedPosition | null> {
  try {
    const res = await Taro.getLocation({ type: 'wgs84' })
    return { lat: res.latitude, lng: res.longitude, accuracy: res.accuracy }
  } catch {
    return null
  }
}
