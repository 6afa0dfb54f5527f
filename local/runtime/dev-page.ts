import { inChina } from '../../src/domain/china-time'

// The frame of the local runtime's tool pages (/dev/triggers, /dev/outbox).

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** "2026-03-16 09:00:00", China time, as the console shows trigger times. */
export function formatChinaTime(date: Date): string {
  return inChina(date).format('YYYY-MM-DD HH:mm:ss')
}

export function devPage(title: string, intro: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · 双报到</title><style>
body{font:14px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f5f5;color:#222}
header{background:#c8161d;color:#fff;padding:16px 20px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85;font-size:13px}
main{max-width:1080px;margin:0 auto;padding:12px}section{background:#fff;border-radius:8px;margin:12px 0;padding:12px 16px;overflow-x:auto}
h2{font-size:16px;margin:0 0 8px;color:#c8161d}button{padding:4px 12px;border:1px solid #ddd;border-radius:6px;background:#fff;cursor:pointer}
button:hover{border-color:#c8161d;color:#c8161d}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:6px;text-align:left;vertical-align:top}
code{background:#f0f0f0;padding:0 4px;border-radius:4px}.ok{color:#1a7f37}.bad{color:#c8161d}.muted{color:#888}
</style></head><body><header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p></header><main>${body}</main></body></html>`
}
