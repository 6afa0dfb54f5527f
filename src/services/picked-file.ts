/** A file the user chose, read into memory so its kind can be checked before it is sent. */
export interface PickedFile {
  /** The name the user sees; never part of the storage path. */
  name: string
  bytes: Uint8Array
  /** What the platform uploads from: a temp file path on weapp, the File on h5. */
  source: string | Blob
}
