#!/usr/bin/env node
// Draws the five tab-bar icons as PNGs (81×81, WeChat's recommended size) with
// no dependencies: each icon is a few stroked shapes given as signed distance
// functions, rasterised with 4×4 supersampling. Output is committed in
// src/assets/tab/; run again only to change an icon:
//   node config/make-tab-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const STROKE = 5
const COLORS = { normal: [0x8a, 0x8a, 0x8a], active: [0xc8, 0x16, 0x1d] }

// --- signed distance helpers (negative inside) ---
const len = (x, y) => Math.hypot(x, y)
const circle = (cx, cy, r) => (x, y) => len(x - cx, y - cy) - r
function segment(ax, ay, bx, by) {
  return (x, y) => {
    const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return len(px - dx * t, py - dy * t)
  }
}
function roundBox(cx, cy, hw, hh, r) {
  return (x, y) => {
    const qx = Math.abs(x - cx) - hw + r, qy = Math.abs(y - cy) - hh + r
    return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
}
const stroke = (sdf, w = STROKE) => (x, y) => Math.abs(sdf(x, y)) - w / 2
const line = (...pts) => {
  const segs = []
  for (let i = 0; i + 3 < pts.length; i += 2) segs.push(segment(pts[i], pts[i + 1], pts[i + 2], pts[i + 3]))
  return (x, y) => Math.min(...segs.map((s) => s(x, y))) - STROKE / 2
}
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)))
const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y))
const below = (y0) => (_x, y) => y - y0

const ICONS = {
  home: union(
    line(12, 38, 40.5, 14, 69, 38),
    line(20, 35, 20, 67, 61, 67, 61, 35),
    line(34, 67, 34, 50, 47, 50, 47, 67),
  ),
  report: union(
    stroke(roundBox(40.5, 42, 28, 20, 6)),
    stroke(circle(27, 39, 6), 4),
    line(40, 36, 56, 36),
    line(40, 48, 52, 48),
  ),
  activities: union(line(22, 12, 22, 70), line(22, 16, 62, 16, 52, 29, 62, 42, 22, 42)),
  needs: union(
    stroke(roundBox(40.5, 35, 28, 20, 8)),
    line(30, 55, 25, 67, 42, 55),
    circle(28, 35, 3.5),
    circle(40.5, 35, 3.5),
    circle(53, 35, 3.5),
  ),
  mine: union(stroke(circle(40.5, 27, 12)), intersect(stroke(circle(40.5, 76, 27)), below(67))),
}

function raster(sdf, [r, g, b]) {
  const rows = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4) // filter byte 0 + RGBA
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (sdf(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4) <= 0) hits++
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + x * 4)
    }
    rows.push(row)
  }
  return png(Buffer.concat(rows))
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
function png(raw) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = fileURLToPath(new URL('../src/assets/tab/', import.meta.url))
mkdirSync(out, { recursive: true })
for (const [name, sdf] of Object.entries(ICONS)) {
  writeFileSync(`${out}${name}.png`, raster(sdf, COLORS.normal))
  writeFileSync(`${out}${name}-active.png`, raster(sdf, COLORS.active))
}
console.log('tab icons written to', out)
