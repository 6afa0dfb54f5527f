// Choosing one file. Taro resolves `./file-picker` to file-picker.weapp.tsx (a
// file from a WeChat chat) or file-picker.h5.tsx (a file input) at build time;
// TypeScript and jest resolve this base file, which re-exports the h5 one.
export { FilePicker } from './file-picker.h5'
