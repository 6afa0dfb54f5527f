import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cronProblem, wechatSchedule } from '../../server/function-config/wechat-cron'
import { parseFunctionConfig, readFunctionConfig } from '../../server/function-config/function-config'
import { deployConfig, MESSAGE_SENDER } from '../../server/function-config/deploy-config'

describe('WeChat timer cron', () => {
  it.each(['0 0 2 1 * * *', '*/5 * * * * * *', '0 15 10 * * MON-FRI *', '0 0 10,14,16 * * * *', '0 */30 9-17 * * * *', '0 1/10 * * * * *', '0 0 0 1 JAN * 2030'])(
    'accepts %s',
    (expression) => expect(cronProblem(expression)).toBeUndefined(),
  )

  it.each([
    ['0 0 9 * *', '应有7个字段'],
    ['0 0 9 * * *', '应有7个字段'],
    ['60 0 9 * * * *', '秒'],
    ['0 0 24 * * * *', '小时'],
    ['0 0 9 L * * *', '日'],
    ['0 0 9 * * 7 *', '星期'],
    ['0 0 9 * * MON#1 *', '星期'],
    ['0 0 9 ? * * *', '日'],
    ['0 0 9 * * * 2100', '年'],
    ['0 0 9 10-5 * * *', '起点大于终点'],
    ['0 */0 9 * * * *', '间隔'],
    ['0 0 0 31 2 * *', '永远不会触发'],
  ])('refuses %s (%s)', (expression, said) => expect(cronProblem(expression)).toContain(said))

  it('reads times in UTC+8 and ORs day-of-month with weekday', () => {
    // 2026-03-01 is a Sunday. "09:00 on the 1st or on Mondays", China time.
    const runs = wechatSchedule('0 0 9 1 * MON *').nextRuns(3, new Date('2026-02-28T12:00:00Z'))
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-03-01T01:00:00.000Z', '2026-03-02T01:00:00.000Z', '2026-03-09T01:00:00.000Z'])
  })
})

describe('function config.json', () => {
  it('fills the defaults and keeps a valid trigger', () => {
    expect(parseFunctionConfig({}, 'x')).toEqual({ permissions: { openapi: [] }, triggers: [], timeout: 20 })
    const config = parseFunctionConfig({ triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }] }, 'x')
    expect(config.triggers).toEqual([{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }])
  })

  it('refuses what WeChat refuses on upload, naming the file and field', () => {
    const trigger = { name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }
    expect(() => parseFunctionConfig({ triggers: [trigger, { ...trigger, name: 'again' }] }, 'cf/x/config.json')).toThrow(/cf\/x\/config\.json.*只能配置一个定时触发器/)
    expect(() => parseFunctionConfig({ triggers: [{ ...trigger, name: '9lives' }] }, 'f')).toThrow(/triggers\.0\.name：触发器名称须以字母开头/)
    expect(() => parseFunctionConfig({ triggers: [{ ...trigger, type: 'cos' }] }, 'f')).toThrow(/只能是 timer/)
    expect(() => parseFunctionConfig({ triggers: [{ ...trigger, config: '0 0 2 * *' }] }, 'f')).toThrow(/triggers\.0\.config：.*7个字段/)
    expect(() => parseFunctionConfig({ permissions: { openapi: ['wxacode.get'] } }, 'f')).toThrow(/permissions\.openapi/)
    expect(() => parseFunctionConfig({ trigger: [] }, 'f')).toThrow(/trigger/)
  })

  describe('at build time', () => {
    let dir: string
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sbd-config-'))
      mkdirSync(join(dir, 'notify'))
    })
    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    it('refuses a function that sends messages without the open-API permission', () => {
      const inputs = ['server/kernel/serve.ts', MESSAGE_SENDER]
      expect(() => deployConfig('notify', dir, inputs)).toThrow(/notify 会发送订阅消息.*subscribeMessage\.send/)
      writeFileSync(join(dir, 'notify/config.json'), JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] } }))
      expect(deployConfig('notify', dir, inputs).permissions.openapi).toEqual(['subscribeMessage.send'])
      expect(deployConfig('notify', dir, ['server/kernel/serve.ts']).permissions.openapi).toEqual(['subscribeMessage.send'])
    })

    it('says a config.json that is not JSON is not JSON', () => {
      writeFileSync(join(dir, 'notify/config.json'), '{ "triggers": [ // a comment ] }')
      expect(() => readFunctionConfig(join(dir, 'notify'))).toThrow(/config\.json.*不是有效的 JSON/)
    })
  })
})
