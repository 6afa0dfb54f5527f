// Keeps the display awake while the sign-in code is shown. Taro resolves
// `./keep-screen-on` to keep-screen-on.weapp.ts or keep-screen-on.h5.ts at
// build time; TypeScript and jest resolve this base file (the h5 one).
export { useKeepScreenOn } from './keep-screen-on.h5'
