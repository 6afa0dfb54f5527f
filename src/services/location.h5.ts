import type { ReportedPosition } from '../domain/location-flag'

// h5: the browser's geolocation. A refusal, no fix within the wait, or no
// geolocation at all is null: the sign-in goes ahead without a position.

const WAIT_MS = 10_000

export function currentPosition(): Promise<ReportedPosition | null> {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
  if (!geo) return Promise.resolve(null)
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: WAIT_MS, maximumAge: 30_000 },
    )
  })
}
