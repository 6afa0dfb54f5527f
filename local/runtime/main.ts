import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { seedIfEmpty } from '../seed/seed'
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

  const { db, close } = openLocalDatabase(join(dataDir, 'db.sqlite'))
  if (await seedIfEmpty(db)) console.log('已写入演示数据（1个区、2个街道、6个社区、20个单位、600名党员）')

  const secrets = loadOrCreateSecrets(dataDir)
  const storage = openLocalStorage({ dataDir, secret: secrets.storageSecret, baseUrl: `http://127.0.0.1:${port}` })
  const app = await buildLocalApp({ db, secrets, files: storage.store, h5Dir: resolve('dist/h5') })
  const stop = async () => {
    await app.close()
    storage.close()
    close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  const address = await app.listen({ host: '127.0.0.1', port })
  console.log(`\n双报到 本地运行中：${address}/\n选择演示用户：${address}/dev/login\n数据目录：${dataDir}\n`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
