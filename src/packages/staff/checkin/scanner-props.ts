export interface ScannerProps {
  /** The text a QR code holds (a 联系证 token). */
  onScanned: (text: string) => void
  /** A lookup is running: do not start another scan. */
  busy: boolean
}
