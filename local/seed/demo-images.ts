import { deflateSync } from 'node:zlib'

// The demo's images, drawn here (no binaries in the repository) and written
// to the local file store by the seed: the members' 报到党员照片 (one shared
// picture) and a community party organisation's seal. Real PNGs, so pages
// show them and the upload check (src/domain/upload-kinds.ts) takes them as images.

/** What the seed needs of the local file store (local/embedded-storage FileStore.put): a cloudPath in, its fileID out. */
export interface SeedFiles {
  put(cloudPath: string, bytes: Buffer): string
}

export const DEMO_PHOTO_PATH = 'demo/photos/member.png'
export const demoSealPath = (communityId: string) => `demo/seals/${communityId}.png`

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

type Rgba = [number, number, number, number]

/** An RGBA PNG of `width`×`height`, each pixel from `paint` (2×2 supersampled, so edges are smooth). */
export function drawPng(width: number, height: number, paint: (x: number, y: number) => Rgba): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4) // filter byte 0, then RGBA
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0]
      for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]] as const) {
        const p = paint(x + dx, y + dy)
        for (let i = 0; i < 4; i++) sum[i]! += p[i]! / 4
      }
      row.set(sum.map(Math.round), 1 + x * 4)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A 2-inch-photo stand-in: a light silhouette (head and shoulders) on blue, 90×120. */
export function demoPhotoPng(): Buffer {
  const background: Rgba = [67, 142, 219, 255]
  const figure: Rgba = [236, 240, 245, 255]
  return drawPng(90, 120, (x, y) => {
    const head = Math.hypot(x - 45, y - 48) <= 20
    const shoulders = y >= 78 && Math.hypot((x - 45) / 38, (y - 120) / 40) <= 1
    return head || shoulders ? figure : background
  })
}

/** A round red seal (ring, inner ring and a five-pointed star) on transparent, 120×120. */
export function demoSealPng(): Buffer {
  const red: Rgba = [200, 22, 29, 230]
  const clear: Rgba = [255, 255, 255, 0]
  const c = 60
  const star = (x: number, y: number) => {
    // Radius bound by direction: the tips (one straight up) at 22, between them 9.
    const arm = (2 * Math.PI) / 5
    const angle = Math.atan2(y - c, x - c) + Math.PI / 2
    const sector = ((angle % arm) + arm) % arm
    const nearTip = Math.abs(sector - arm / 2) / (arm / 2) // 1 towards a tip, 0 between two
    return Math.hypot(x - c, y - c) <= 9 + (22 - 9) * nearTip ** 2
  }
  return drawPng(120, 120, (x, y) => {
    const r = Math.hypot(x - c, y - c)
    const ring = r >= 50 && r <= 57
    const innerRing = r >= 44 && r <= 45.5
    return ring || innerRing || star(x, y) ? red : clear
  })
}
