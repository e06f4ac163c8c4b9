/**
 * `npm run reindex [-- --url http://localhost:8787] [--token …] [--batch 500]`
 *
 * Rebuilds the search indexes (Meilisearch and the embedded engine: experiments, then
 * actors) of a running Worker from D1, by calling its moderator endpoint `POST /api/moderation/reindex` batch after
 * batch until it reports `done`. Use it after changing index settings and for disaster
 * recovery; search keeps answering meanwhile. The token defaults to the first one in
 * .dev.vars (MODERATOR_TOKENS).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { firstModeratorToken, readVarsFile, ROOT } from './lib/local-dev'

interface Progress {
  kind: string
  processed: number
  indexed: number
  removed: number
  total: number
  engines: string[]
  done: boolean
  nextCursor: string | null
  refused: { id: string; engine: string; error: string }[]
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:8787' },
    token: { type: 'string' },
    batch: { type: 'string', default: '500' },
  },
})

const token =
  values.token ??
  firstModeratorToken((await readVarsFile(path.join(ROOT, '.dev.vars'))).MODERATOR_TOKENS ?? '')
if (!token) {
  console.error(
    'Aucun jeton de modération : passez --token ou renseignez MODERATOR_TOKENS dans .dev.vars.'
  )
  process.exit(1)
}

const started = Date.now()
let cursor: string | null = null
let processed = 0
let indexed = 0
let removed = 0
for (;;) {
  const url = new URL('/api/moderation/reindex', values.url)
  url.searchParams.set('limit', values.batch)
  if (cursor) url.searchParams.set('cursor', cursor)
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch((error: unknown) => {
    console.error(
      `\nLe Worker ne répond pas à ${values.url} (${String(error)}) : lancez npm start.`
    )
    process.exit(1)
  })
  if (!res.ok) {
    console.error(`\nÉchec ${res.status} : ${await res.text()}`)
    console.error(cursor ? `Reprendre avec le curseur ${cursor}.` : '')
    process.exit(1)
  }
  const progress = (await res.json()) as Progress
  processed += progress.processed
  indexed += progress.indexed
  removed += progress.removed
  const percent = progress.total ? Math.round((100 * processed) / progress.total) : 100
  process.stdout.write(
    `\r${processed}/${progress.total} fiches relues (${percent} %, ${progress.kind === 'actor' ? 'acteurs' : 'expériences'}) · ${indexed} indexées · ${removed} retirées · moteurs : ${progress.engines.join(', ')}   `
  )
  for (const r of progress.refused) {
    console.warn(`\nFiche ${r.id} refusée par ${r.engine}, laissée hors de cet index : ${r.error}`)
  }
  if (progress.done) break
  cursor = progress.nextCursor
}
console.log(`\nIndex reconstruits en ${((Date.now() - started) / 1000).toFixed(1)} s.`)
