import { useState } from 'react'
import { MAX_NEED_PHOTOS } from '../domain/need-rules'
import type { PickedFile } from '../services/picked-file'
import { uploadFile } from '../services/upload-file'

/** Photos a form uploads as they are picked (up to 3), holding their fileIDs for the submit. */
export function usePhotos(onError: (message: string) => void) {
  const [photos, setPhotos] = useState<Array<{ name: string; fileID: string }>>([])
  const [uploading, setUploading] = useState(false)
  const add = async (files: PickedFile[]) => {
    setUploading(true)
    for (const file of files.slice(0, MAX_NEED_PHOTOS - photos.length)) {
      const uploaded = await uploadFile('image', file)
      if (!uploaded.ok) {
        onError(uploaded.message)
        break
      }
      setPhotos((list) => [...list, { name: file.name, fileID: uploaded.data.fileID }])
    }
    setUploading(false)
  }
  return { photos, uploading, add, room: MAX_NEED_PHOTOS - photos.length, remove: (fileID: string) => setPhotos((list) => list.filter((p) => p.fileID !== fileID)), clear: () => setPhotos([]) }
}
