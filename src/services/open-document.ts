// Opening a filed document: Taro resolves `./open-document` to the platform
// file at build time; TypeScript and jest resolve this base file (h5).
export { openDocument } from './open-document.h5'
