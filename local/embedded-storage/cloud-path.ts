import { invalidParam, type StorageError } from './errors'

// The storage's naming rules for a cloudPath (WeChat 云存储 文件名命名限制):
// not empty, not starting with "/", no "//", at most 850 bytes encoded, none
// of the control characters CAN, EM, SUB, ESC. The local store also refuses
// "." and ".." segments and backslashes: in the cloud a path is only a key,
// here it is a file under DATA_DIR/files, and no key may reach outside it.

export const MAX_CLOUD_PATH_BYTES = 850

/** Why `cloudPath` is refused, or null when it may be used. */
export function cloudPathProblem(cloudPath: unknown): StorageError | null {
  if (typeof cloudPath !== 'string' || cloudPath === '') return invalidParam('cloudPath must be a non-empty string')
  if (cloudPath.startsWith('/')) return invalidParam(`cloudPath must not start with "/" (${cloudPath})`)
  if (cloudPath.includes('//')) return invalidParam(`cloudPath must not contain "//" (${cloudPath})`)
  if (Buffer.byteLength(cloudPath, 'utf8') > MAX_CLOUD_PATH_BYTES) return invalidParam(`cloudPath is longer than ${MAX_CLOUD_PATH_BYTES} bytes`)
  if (/[\u0018-\u001b]/.test(cloudPath)) return invalidParam('cloudPath must not contain the control characters CAN, EM, SUB or ESC')
  if (cloudPath.includes('\\') || cloudPath.split('/').some((s) => s === '.' || s === '..')) {
    return invalidParam(`cloudPath must stay inside the bucket: no "." or ".." segments, no "\\" (${cloudPath})`)
  }
  if (cloudPath.endsWith('/')) return invalidParam(`cloudPath names a folder, not a file (${cloudPath})`)
  return null
}
