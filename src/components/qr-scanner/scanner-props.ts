export interface ScannerProps {
  /** The text a QR code holds (a 联系证 token, an activity's sign-in code). */
  onScanned: (text: string) => void
  /** A lookup is running: do not start another scan. */
  busy: boolean
  /** Prefix of the test hooks: `checkin` gives #checkin-scan, #checkin-image-input… */
  idPrefix: string
  /** What is scanned, for the button and messages: 联系证二维码, 签到二维码. */
  subject: string
  /** Another way the page offers when scanning fails (输入联系证号), if any. */
  otherWay?: string
}
