// WeChat has no File: nothing a mini-program holds is one. Provided to the
// weapp bundle in place of the missing global (config/index.ts), so that a
// library's `value instanceof File` answers false instead of throwing a
// ReferenceError. Plain ES5: this file is bundled as it is.
function File() {}

module.exports = { File: File }
