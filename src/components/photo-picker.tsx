// Choosing photos. Taro resolves `./photo-picker` to photo-picker.weapp.tsx
// (wx.chooseMedia) or photo-picker.h5.tsx (a file input) at build time;
// TypeScript and jest resolve this base file, which re-exports the h5 one.
export { PhotoPicker } from './photo-picker.h5'
