import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The CJK font the PDFs embed: Noto Serif SC (SIL OFL 1.1) from
// @expo-google-fonts/noto-serif-sc, a TrueType-outline (glyf) .ttf, which
// pdfkit subsets to the glyphs a document uses (a CFF-outline .otf it would
// embed whole). Serif, as 宋体 and 仿宋 are; no open 仿宋 is shipped, so a
// 仿宋 form prints in it too (its .xlsx names 仿宋 for Excel to use).
// Read once per process: 15 MB each, shared by every document.

const PACKAGE = '@expo-google-fonts/noto-serif-sc'
const FILES = { regular: '400Regular/NotoSerifSC_400Regular.ttf', bold: '700Bold/NotoSerifSC_700Bold.ttf' } as const

const loaded = new Map<keyof typeof FILES, Buffer>()

/**
 * Where the fonts are: EXPORT_FONT_DIR if set; in the deployed bundle, fonts/
 * beside index.js (scripts/build-functions.mjs copies them there); else the package.
 */
function fontPath(weight: keyof typeof FILES): string {
  const file = FILES[weight].split('/')[1]!
  const dir = process.env.EXPORT_FONT_DIR ?? join(__dirname, 'fonts')
  if (existsSync(join(dir, file))) return join(dir, file)
  return require.resolve(`${PACKAGE}/${FILES[weight]}`)
}

export function cjkFont(weight: keyof typeof FILES): Buffer {
  let bytes = loaded.get(weight)
  if (!bytes) {
    bytes = readFileSync(fontPath(weight))
    loaded.set(weight, bytes)
  }
  return bytes
}
