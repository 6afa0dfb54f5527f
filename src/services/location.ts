// The phone's position for an activity sign-in. Taro resolves `./location`
// to location.weapp.ts (wx.getLocation) or location.h5.ts
// (navigator.geolocation) at build time; TypeScript and jest resolve this
// base file, which re-exports the h5 one.
export { currentPosition } from './location.h5'
