import Taro from '@tarojs/taro'
import type { Result } from '../domain/result'
import type { UploadKind } from '../domain/upload-kinds'
import type { PickedFile } from './picked-file'
import { planUpload, UPLOAD_FAILED } from './upload-plan'

// weapp: straight to cloud storage with the mini-program's own API; the
// bucket's security rules (README, deploy) let a user write their own files.
export async function uploadFile(kind: UploadKind, file: PickedFile): Promise<Result<{ fileID: string }>> {
  const plan = planUpload(kind, file)
  if (!plan.ok) return plan
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: plan.cloudPath, filePath: String(file.source) })
    return res.fileID ? { ok: true, data: { fileID: res.fileID } } : UPLOAD_FAILED
  } catch {
    return UPLOAD_FAILED
  }
}
