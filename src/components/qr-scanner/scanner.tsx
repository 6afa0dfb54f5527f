// A QR reader for role pages. Taro resolves `./scanner` to scanner.weapp.tsx
// (wx.scanCode) or scanner.h5.tsx (camera + jsQR, album image) at build time;
// TypeScript and jest resolve this base file, which re-exports the h5 one.
// Only subpackage pages import it, so jsQR stays out of the main package.
export { Scanner } from './scanner.h5'
export type { ScannerProps } from './scanner-props'
