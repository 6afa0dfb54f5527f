// Choosing a 文件清单 document. Taro resolves `./document-file` to
// document-file.weapp.tsx (a file from a WeChat chat) or document-file.h5.tsx
// (a file input) at build time; TypeScript and jest resolve this base file.
export { DocumentFilePicker } from './document-file.h5'
