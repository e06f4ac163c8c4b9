/**
 * `npm start`: the observatory on http://localhost:8787 with migrations applied, the
 * territory reference and the demo catalogue loaded, and a local Meilisearch when the
 * optional binary is installed (the embedded engine otherwise).
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  firstModeratorToken,
  loadDemoCatalogue,
  prepareLocalDatabase,
  queryLocal,
  readVarsFile,
  ROOT,
  startWorker,
} from './lib/local-dev'

const PORT = Number(process.env.PORT ?? 8787)
const STATE = path.join(ROOT, '.wrangler', 'state')
const DEV_VARS = path.join(ROOT, '.dev.vars')

const say = (line: string) => console.log(`[observatoire] ${line}`)

/** Creates .dev.vars on first run with a freshly generated moderator token. */
async function ensureDevVars(): Promise<Record<string, string>> {
  if (!existsSync(DEV_VARS)) {
    await copyFile(path.join(ROOT, '.dev.vars.example'), DEV_VARS)
    const token = randomBytes(24).toString('base64url')
    const text = await readFile(DEV_VARS, 'utf8')
    await writeFile(
      DEV_VARS,
      text.replace(/^MODERATOR_TOKENS=.*$/m, `MODERATOR_TOKENS=demo:${token}`)
    )
    say('.dev.vars créé avec un jeton de modération généré')
  }
  return readVarsFile(DEV_VARS)
}

async function main() {
  const vars = await ensureDevVars()
  await prepareLocalDatabase({ persistTo: STATE, log: say })

  const overrides: Record<string, string> = {}
  say('moteur de recherche : moteur embarqué (D1 FTS5)')

  const worker = await startWorker({
    port: PORT,
    persistTo: STATE,
    vars: overrides,
    inheritOutput: true,
  })
  const [{ n } = { n: 0 }] = await queryLocal<{ n: number }>(
    STATE,
    'SELECT count(*) AS n FROM experiments'
  )
  if (n === 0) {
    const token = firstModeratorToken(vars.MODERATOR_TOKENS ?? '')
    const count = await loadDemoCatalogue(worker.url, token)
    say(`catalogue de démonstration chargé : ${count} expériences publiées`)
  } else {
    say(`catalogue existant : ${n} expériences`)
  }
  say(`prêt : http://localhost:${PORT}  (API : http://localhost:${PORT}/api/docs)`)
  say(`jeton de modération : voir MODERATOR_TOKENS dans .dev.vars`)

  const shutdown = async () => {
    await worker.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  worker.process.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
