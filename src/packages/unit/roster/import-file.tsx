// Choosing a roster file. Taro resolves `./import-file` to
// import-file.weapp.tsx (a file from a WeChat chat) or import-file.h5.tsx (a
// file input, and the CSV template) at build time; TypeScript and jest
// resolve this base file, which re-exports the h5 one.
export { RosterFilePicker } from './import-file.h5'
