// Where a member signed in, against the activity's place (issue 9 §4). A
// phone's position indoors is good to 40–65 m at best and fake-location apps
// exist (DESIGN.md §7), so a far-away sign-in is FLAGGED to the organiser,
// never refused, and the reported accuracy is kept beside the distance.

export interface GeoPoint {
  lat: number
  lng: number
}

export interface ReportedPosition extends GeoPoint {
  /** Metres, as wx.getLocation reports it. */
  accuracy: number
}

export interface Geofence extends GeoPoint {
  /** Metres around the point that count as "at the place". */
  radius: number
}

/** The accuracy given the benefit of the doubt, at most: a fix that is ±5 km proves nothing either way. */
export const MAX_ACCURACY_CREDIT_M = 100

const EARTH_RADIUS_M = 6_371_008.8

const rad = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface LocationCheck {
  distance: number
  accuracy: number
  /** Outside the radius even when the fix's error is counted in the member's favour. */
  flagged: boolean
}

export function checkLocation(fence: Geofence, position: ReportedPosition): LocationCheck {
  const distance = Math.round(distanceMetres(fence, position))
  const credit = Math.min(Math.max(position.accuracy, 0), MAX_ACCURACY_CREDIT_M)
  return { distance, accuracy: position.accuracy, flagged: distance > fence.radius + credit }
}
