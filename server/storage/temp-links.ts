import * as cloud from 'wx-server-sdk'

// Links to show stored files (photos) in a page: getTempFileURL, 50 files per
// call (WeChat docs), an hour each. A file that is gone gets an empty link,
// so one lost photo does not hide a record.

const PER_CALL = 50
const MAX_AGE_SECONDS = 3600

export async function tempLinks(fileIDs: readonly string[]): Promise<Map<string, string>> {
  const links = new Map<string, string>()
  for (let i = 0; i < fileIDs.length; i += PER_CALL) {
    const fileList = fileIDs.slice(i, i + PER_CALL).map((fileID) => ({ fileID, maxAge: MAX_AGE_SECONDS }))
    const result = (await cloud.getTempFileURL({ fileList })) as { fileList: Array<{ fileID: string; tempFileURL?: string; status?: number }> }
    for (const file of result.fileList) links.set(file.fileID, file.status === 0 && file.tempFileURL ? file.tempFileURL : '')
  }
  return links
}
