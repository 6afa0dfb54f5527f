import jsQR from 'jsqr'

// Reads a QR data URL back to its text, as a phone camera would.
// pngjs comes with qrcode (which writes the PNG); it has no typings of its own.
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } } }

export function readQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}
