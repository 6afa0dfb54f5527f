// The one client gateway: callFunction(name, { action, ...input }) → the
// action's Result, typed from its contract (src/domain/contracts).
//
// Taro resolves `./call-function` to the platform file at build time
// (call-function.weapp.ts for --type weapp, call-function.h5.ts for --type h5).
// TypeScript and jest do not know about TARO_ENV and resolve this base file,
// so it re-exports the h5 implementation. Both platform files implement the
// same CallFunction type, so a drift fails the typecheck.
export { callFunction } from './call-function.h5'
