// The browser's print dialog (h5) or nothing (weapp). Taro resolves
// `./print` to print.h5.ts or print.weapp.ts at build time; TypeScript and
// jest resolve this base file, which re-exports the h5 implementation.
export { canPrint, printPage } from './print.h5'
