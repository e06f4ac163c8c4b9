/**
 * `npm start`: the observatory on http://localhost:8787 with migrations applied, the
 * territory reference and the real catalogue (data/relevance) loaded, and a local Meilisearch when the
 * optional binary is installed (the embedded engine otherwise). The search outbox is
 * drained every minute through the Worker's drain route (the cron does it in production).
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  firstModeratorToken,
  loadRealCatalogue,
  prepareLocalDatabase,
  queryLocal,
  readVarsFile,
  ROOT,
  startWorker,
} from './lib/local-dev'
import {
  createWorkerKey,
  MEILISEARCH_VERSION,
  meilisearchAvailable,
  startMeilisearch,
} from './lib/meilisearch'
import { ensureDemoModerator } from './lib/moderators'
import { drainPeriodically } from './lib/outbox-drain'

const PORT = Number(process.env.PORT ?? 8787)
const MEILI_PORT = Number(process.env.MEILI_PORT ?? 7700)
const STATE = path.join(ROOT, '.wrangler', 'state')
const DEV_VARS = path.join(ROOT, '.dev.vars')

const say = (line: string) => console.log(`[observatoire] ${line}`)

/**
 * Creates .dev.vars on first run with a freshly generated moderator token, and gives an
 * existing one the secrets it lacks (the IP pseudonym key, added later).
 */
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
  const vars = await readVarsFile(DEV_VARS)
  if (!vars.IP_HASH_SECRET) {
    const secret = randomBytes(32).toString('base64url')
    const text = (await readFile(DEV_VARS, 'utf8')).replace(/^IP_HASH_SECRET=.*\n?/m, '')
    await writeFile(DEV_VARS, `${text.replace(/\n?$/, '\n')}IP_HASH_SECRET=${secret}\n`)
    say('.dev.vars : clé des empreintes d’IP (IP_HASH_SECRET) générée')
    vars.IP_HASH_SECRET = secret
  }
  return vars
}

/** A local Meilisearch when the optional binary is installed; null means embedded engine. */
async function startSearch(): Promise<{
  vars: Record<string, string>
  stop(): Promise<void>
} | null> {
  if (process.env.MEILI_HOST) {
    say(`moteur de recherche : Meilisearch sur ${process.env.MEILI_HOST} (MEILI_HOST)`)
    return {
      vars: { MEILI_HOST: process.env.MEILI_HOST, MEILI_KEY: process.env.MEILI_KEY ?? '' },
      stop: async () => {},
    }
  }
  if (!meilisearchAvailable()) {
    say(
      'moteur de recherche : moteur embarqué (D1 FTS5) — Meilisearch local indisponible sur cette plateforme'
    )
    return null
  }
  const dataDir = path.join(ROOT, '.meili')
  const masterFile = path.join(dataDir, 'master-key')
  // Keep the master key across restarts: the keys stored in the data dir depend on it.
  const masterKey = existsSync(masterFile)
    ? (await readFile(masterFile, 'utf8')).trim()
    : randomBytes(24).toString('base64url')
  const meili = await startMeilisearch({ dataDir, port: MEILI_PORT, masterKey })
  await writeFile(masterFile, masterKey, { mode: 0o600 })
  const key = await createWorkerKey(meili.url, meili.masterKey, ['experiments', 'actors', 'events'])
  say(
    `moteur de recherche : Meilisearch ${MEILISEARCH_VERSION} local sur ${meili.url} (clé limitée aux index « experiments », « actors » et « events »)`
  )
  return {
    vars: {
      MEILI_HOST: meili.url,
      MEILI_KEY: key,
      MEILI_INDEX: 'experiments',
      MEILI_ACTORS_INDEX: 'actors',
      MEILI_EVENTS_INDEX: 'events',
    },
    stop: () => meili.stop(),
  }
}

/** Rebuilds both indexes from D1, so a fresh or wiped Meilisearch holds the catalogue. */
async function reindex(baseUrl: string, token: string): Promise<number> {
  let cursor: string | null = null
  let indexed = 0
  do {
    const qs: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
    const res = await fetch(`${baseUrl}/api/moderation/reindex${qs}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    if (!res.ok) throw new Error(`réindexation refusée (${res.status}) : ${await res.text()}`)
    const body = (await res.json()) as {
      nextCursor: string | null
      processed?: number
      refused?: { id: string; engine: string; error: string }[]
    }
    indexed += body.processed ?? 0
    // A record an engine refuses stays out of that index; the rest is indexed and the site starts.
    for (const r of body.refused ?? []) say(`fiche ${r.id} refusée par ${r.engine} : ${r.error}`)
    cursor = body.nextCursor
  } while (cursor)
  return indexed
}

async function main() {
  const vars = await ensureDevVars()
  const token = firstModeratorToken(vars.MODERATOR_TOKENS ?? '')
  await prepareLocalDatabase({ persistTo: STATE, log: say })
  const demoModerator = await ensureDemoModerator(STATE)
  if (demoModerator)
    say(`compte de modération créé : ${demoModerator.name} (mot de passe dans .dev.vars)`)
  const search = await startSearch()
  const worker = await startWorker({
    port: PORT,
    persistTo: STATE,
    vars: search?.vars ?? { MEILI_HOST: '' },
    inheritOutput: true,
  })
  // The cron's job, done from here: locally the scheduled event never reaches the Worker.
  const drainLoop = drainPeriodically({
    baseUrl: worker.url,
    moderatorToken: token,
    everyMs: 60_000,
    log: say,
  })
  const stopAll = async () => {
    drainLoop.stop()
    await worker.stop()
    await search?.stop()
  }
  try {
    const [{ n } = { n: 0 }] = await queryLocal<{ n: number }>(
      STATE,
      'SELECT count(*) AS n FROM experiments'
    )
    if (n === 0) {
      const count = await loadRealCatalogue(worker.url, token)
      say(
        `catalogue réel chargé : ${count} expériences publiées, chacune avec sa source (data/relevance), liées aux acteurs qui les portent (data/network)`
      )
    } else {
      say(`catalogue existant : ${n} expériences`)
    }
    await reindex(worker.url, token)
    say('index de recherche reconstruits depuis D1')
  } catch (err) {
    await stopAll()
    throw err
  }
  say(`prêt : http://localhost:${PORT}  (API : http://localhost:${PORT}/api/docs)`)
  say(
    `bureau de modération : http://localhost:${PORT}/moderation (compte « demo », mot de passe DEMO_MODERATOR_PASSWORD dans .dev.vars)`
  )
  say('jeton de l’API de modération : MODERATOR_TOKENS dans .dev.vars')

  const shutdown = async () => {
    await stopAll()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  worker.process.on('exit', async (code) => {
    drainLoop.stop()
    await search?.stop()
    process.exit(code ?? 0)
  })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
