import { performance } from 'node:perf_hooks'

export interface Row {
  benchmark: string
  result: string
  detail: string
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await fn()
  return { value, ms: performance.now() - start }
}

/** Latency percentiles over `n` sequential runs of `fn`. */
export async function latencies(n: number, fn: (i: number) => unknown): Promise<{ p50: number; p95: number; perSecond: number }> {
  const samples: number[] = []
  const start = performance.now()
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  const total = performance.now() - start
  samples.sort((a, b) => a - b)
  return { p50: samples[Math.floor(n * 0.5)]!, p95: samples[Math.floor(n * 0.95)]!, perSecond: (n / total) * 1000 }
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`
export const rate = (v: number) => `${Math.round(v).toLocaleString('en-US')}/s`
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

export function printTable(title: string, rows: Row[]): void {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => width(Object.values(r)[i]!)), width(['benchmark', 'result', 'detail'][i]!)))
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ') + ' |'
  console.log(`\n${title}\n`)
  console.log(line(['benchmark', 'result', 'detail']))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  for (const r of rows) console.log(line([r.benchmark, r.result, r.detail]))
}

// CJK characters take two columns in a terminal.
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1
  return w
}
