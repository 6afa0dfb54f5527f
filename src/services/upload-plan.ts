import type { Fail } from '../domain/result'
import { checkUpload, uploadPath, type UploadKind } from '../domain/upload-kinds'
import type { PickedFile } from './picked-file'
import { getSession } from './session'

// What both platforms' uploadFile do before sending: check the file's kind by
// its bytes (the server checks again after downloading), and name the path
// under the signed-in user's own folder, where functions look for it.

export const UPLOAD_FAILED: Fail = Object.freeze({ ok: false, code: 'UPLOAD_FAILED', message: '文件上传失败，请检查网络后重试' }) as Fail

export function planUpload(kind: UploadKind, file: PickedFile): { ok: true; cloudPath: string } | Fail {
  const checked = checkUpload(kind, file.bytes)
  if (!checked.ok) return { ok: false, code: checked.code, message: checked.message }
  const userId = getSession().data?.user?.id
  if (!userId) return { ok: false, code: 'AUTH_REQUIRED', message: '请先登录' }
  return { ok: true, cloudPath: uploadPath(kind, userId, file.name, new Date(), Math.random().toString(36).slice(2, 10)) }
}
