import type { FastifyInstance } from 'fastify'
import type { TriggerRun, TriggerScheduler, TriggerView } from '../triggers/trigger-scheduler'
import { devPage, escapeHtml, formatChinaTime } from './dev-page'

// Local runtime only: the timer triggers declared in cloudfunctions/*/config.json,
// their next run (UTC+8), their recent runs, and a button to run one now.

function runLine(run: TriggerRun): string {
  const outcome = run.result.ok
    ? '<span class="ok">成功</span>'
    : `<span class="bad">失败 ${escapeHtml(run.result.code)}：${escapeHtml(run.result.message)}</span>`
  return `<li>${formatChinaTime(run.time)} ${run.by === 'hand' ? '手动' : '定时'} ${outcome}</li>`
}

function section(view: TriggerView): string {
  const runs = view.lastRuns.length > 0 ? `<ul>${view.lastRuns.map(runLine).join('')}</ul>` : '<p class="muted">尚未运行</p>'
  return `<section data-trigger="${escapeHtml(view.functionName)}/${escapeHtml(view.trigger.name)}">
<h2>${escapeHtml(view.functionName)} · ${escapeHtml(view.trigger.name)}</h2>
<p>规则 <code>${escapeHtml(view.trigger.config)}</code>（北京时间）　下次运行：<b class="next">${view.nextRun ? formatChinaTime(view.nextRun) : '不再运行'}</b>${view.running ? '　<b>运行中…</b>' : ''}</p>
<form method="post" action="/dev/triggers/run"><input type="hidden" name="function" value="${escapeHtml(view.functionName)}"><input type="hidden" name="trigger" value="${escapeHtml(view.trigger.name)}"><button>立即运行</button></form>
${runs}</section>`
}

export function registerDevTriggers(app: FastifyInstance, scheduler: TriggerScheduler): void {
  app.get('/dev/triggers', async (_request, reply) => {
    const views = scheduler.list()
    const body = views.length > 0 ? views.map(section).join('') : '<section><p>没有云函数配置定时触发器（cloudfunctions/&lt;name&gt;/config.json 的 triggers）。</p></section>'
    return reply.type('text/html; charset=utf-8').send(devPage('定时触发器', '本页面只在本地运行环境中提供：按各云函数 config.json 中的定时触发器运行，也可手动立即运行。', body))
  })

  app.post<{ Body: { function?: string; trigger?: string } }>('/dev/triggers/run', async (request, reply) => {
    const run = await scheduler.runNow(request.body?.function ?? '', request.body?.trigger ?? '')
    if (!run) return reply.code(404).type('text/plain; charset=utf-8').send('没有这个定时触发器')
    return reply.redirect('/dev/triggers', 303)
  })
}
