import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTIONS } from '../../server/functions'
import { getRows } from '../../server/db/read'
import { useLocalTemplateIds } from '../openapi/local-templates'
import { seedIfEmpty } from '../seed/seed'
import { systemClock } from '../triggers/clock'
import { invokeThroughKernel, loadTriggers } from '../triggers/load-triggers'
import { TriggerScheduler } from '../triggers/trigger-scheduler'
import { buildLocalApp } from './app'
import { openLocalDatabase } from './open-database'
import { openLocalStorage } from './open-storage'
import { loadOrCreateSecrets } from './secrets'

// `npm start` ends here: one Node process with the embedded database, the
// function bridge and the h5 build, on 127.0.0.1:PORT.

async function main() {
  const port = Number(process.env.PORT ?? 8080)
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  mkdirSync(dataDir, { recursive: true })

  // Checked before anything opens: a malformed config.json stops the start with its file and field.
  const triggers = loadTriggers(resolve('cloudfunctions'), FUNCTIONS)
  useLocalTemplateIds()
  const { db, close } = openLocalDatabase(join(dataDir, 'db.sqlite'))
  const secrets = loadOrCreateSecrets(dataDir)
  // Opened before the seed, which stores the demo's images (photos, a seal) in it.
  const storage = openLocalStorage({ dataDir, secret: secrets.storageSecret, baseUrl: `http://127.0.0.1:${port}` })
  // DEMO_SEED=off starts from an empty database, as a new deployment does (then the setup code).
  if (process.env.DEMO_SEED !== 'off' && (await seedIfEmpty(db, { files: storage.store }))) console.log('已写入演示数据（1个区、2个街道、6个社区、20个单位、600名党员）')

  const scheduler = new TriggerScheduler({
    triggers,
    clock: systemClock,
    invoke: invokeThroughKernel(FUNCTIONS, { db, env: { cardSecret: secrets.cardSecret } }),
    log: (line) => console.log(line),
  })
  const app = await buildLocalApp({ db, secrets, files: storage.store, h5Dir: resolve('dist/h5'), triggers: scheduler })
  const stop = async () => {
    scheduler.stop()
    await app.close()
    storage.close()
    close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  const address = await app.listen({ host: '127.0.0.1', port })
  const setupOpen = (await getRows(db.collection('meta').where({ _id: 'setup', done: true }).limit(1))).length === 0
  scheduler.start()
  console.log(
    `\n双报到 本地运行中：${address}/\n选择演示用户：${address}/dev/login\n` +
      `${setupOpen ? `首次设置码：${secrets.setupCode}（以新微信用户登录后，在“我的”页输入）\n` : ''}定时触发器：${address}/dev/triggers（${triggers.length} 个）\n订阅消息发件箱：${address}/dev/outbox\n数据目录：${dataDir}\n`,
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
