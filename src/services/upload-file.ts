// The one client gateway to cloud storage: uploadFile(kind, file) → Result<{ fileID }>.
//
// As with call-function, Taro resolves `./upload-file` to upload-file.weapp.ts
// (Taro.cloud.uploadFile) or upload-file.h5.ts (the local bridge) at build
// time; TypeScript and jest resolve this base file, which re-exports the h5
// one. The weapp file must keep exactly the same exports.
export { uploadFile } from './upload-file.h5'
