import type { Result } from '../domain/result'
import type { UploadKind } from '../domain/upload-kinds'
import type { PickedFile } from './picked-file'
import { planUpload, UPLOAD_FAILED } from './upload-plan'

// h5: the local runtime's storage bridge, PUT /storage/upload with the raw
// bytes, answered like the bridge with a Result ({ fileID } on success).
export async function uploadFile(kind: UploadKind, file: PickedFile): Promise<Result<{ fileID: string }>> {
  const plan = planUpload(kind, file)
  if (!plan.ok) return plan
  try {
    const res = await fetch(`/storage/upload?cloudPath=${encodeURIComponent(plan.cloudPath)}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream' },
      body: file.source,
    })
    const body = (await res.json()) as Result<{ fileID: string }>
    return typeof body?.ok === 'boolean' ? body : UPLOAD_FAILED
  } catch {
    return UPLOAD_FAILED
  }
}
