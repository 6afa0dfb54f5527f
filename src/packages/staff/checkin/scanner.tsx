// The QR reader of 扫码报到. Taro resolves `./scanner` to scanner.weapp.tsx
// (wx.scanCode) or scanner.h5.tsx (camera + jsQR, album image) at build time;
// TypeScript and jest resolve this base file, which re-exports the h5 one.
export { Scanner } from './scanner.h5'
export type { ScannerProps } from './scanner-props'
