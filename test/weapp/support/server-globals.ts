// The weapp tests run the pages in jsdom and the real functions beside them,
// in the same realm. jsdom's globals lack some of Node's that the server code
// uses: structuredClone (the embedded database) and TextEncoder/TextDecoder
// (QR rendering). The structuredClone polyfill runs inside the test realm, so
// the Dates it makes are this realm's own (Node's would fail `instanceof Date`
// here); TextEncoder's bytes are Node's, like the Buffer jest already gives jsdom.
import { TextDecoder, TextEncoder } from 'node:util'

// The polyfill has no typings; its default export has structuredClone's signature.
const { default: structuredClone } = require('@ungap/structured-clone') as { default: typeof globalThis.structuredClone }

const g = globalThis as Record<string, unknown>
g.structuredClone ??= structuredClone
g.TextEncoder ??= TextEncoder
g.TextDecoder ??= TextDecoder
