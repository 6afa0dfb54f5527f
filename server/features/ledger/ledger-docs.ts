// ledgerDocuments: one document the community files in its 文件清单 (000
// §一.(一) 一、文件清单) for a year: the upper levels' documents and its own
// working rules, as an uploaded PDF, image or Word file.

export interface LedgerDocumentDoc {
  _id: string
  communityId: string
  streetId: string
  districtId: string
  year: number
  title: string
  issuedBy: string
  issuedAt: Date
  /** The uploaded file; null for an entry kept without one (the demo's examples). */
  fileId: string | null
  /** pdf, docx, jpeg, png, webp, gif; 'none' without a file. */
  format: string
  note: string
  uploadedBy: string
  uploadedAt: Date
}
