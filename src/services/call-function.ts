// The one client gateway: callFunction(name, data) → Result<T>.
//
// Taro resolves `./call-function` to the platform file at build time
// (call-function.weapp.ts for --type weapp, call-function.h5.ts for --type h5).
// TypeScript and jest do not know about TARO_ENV and resolve this base file,
// so it re-exports the h5 implementation: the signature is checked once, and
// tests that do not mock the gateway exercise the fetch-based bridge client.
// The weapp file must keep exactly the same exports.
export { callFunction } from './call-function.h5'
