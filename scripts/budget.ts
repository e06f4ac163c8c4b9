/**
 * `npm run budget`: page weight per page type, as a browser would receive it.
 *
 * Starts the Worker (fresh local D1 + the real catalogue) unless BUDGET_URL points at one
 * already running, fetches each page type and the same-origin assets it references with
 * `accept-encoding: gzip, br`, and reports the bytes actually transferred (compressed
 * when the server compresses, which wrangler dev and Cloudflare both do). Any reference
 * to another host is a failure: the pages must work with no third party at all.
 * Budgets (perf-security.md §3.4): ≤ 60 KB per page (HTML+CSS+JS), ≤ 30 KB of JS; the
 * embeddable view (/integrer), loaded inside other sites' pages, ≤ 30 KB in all.
 * Not a timing benchmark: weights do not vary from run to run.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gunzipSync, brotliDecompressSync } from 'node:zlib'
import { freePort, loadRealCatalogue, prepareLocalDatabase, startWorker } from './lib/local-dev'

const KB = 1024
const BUDGET_TOTAL = 60 * KB
const BUDGET_JS = 30 * KB
/** The embeddable view loads inside another site's page: half a page's weight. */
const BUDGET_EMBED = 30 * KB

interface Fetched {
  status: number
  /** Bytes on the wire (body only, after content-encoding). */
  wire: number
  encoding: string
  text: string
}

/** A raw HTTP request, so compressed sizes are measured before any decoding. */
function fetchRaw(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {}
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: init.method ?? 'GET',
        headers: { 'accept-encoding': 'gzip, br', accept: 'text/html,*/*', ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const encoding = String(res.headers['content-encoding'] ?? 'identity')
          const body =
            encoding === 'gzip'
              ? gunzipSync(raw)
              : encoding === 'br'
                ? brotliDecompressSync(raw)
                : raw
          resolve({
            status: res.statusCode ?? 0,
            wire: raw.length,
            encoding,
            text: body.toString('utf8'),
          })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    if (init.body) req.write(init.body)
    req.end()
  })
}

interface PageSpec {
  name: string
  path: string
  method?: string
  form?: [string, string][]
  /** Total budget of this page when not the default (BUDGET_TOTAL). */
  budget?: number
}

interface Row {
  page: string
  budget: number
  status: number
  html: number
  css: number
  js: number
  other: number
  requests: number
  foreign: string[]
  /** Brotli size of the HTML, what Cloudflare's edge would send to a br-capable browser. */
  htmlBr: number
}

/** Same-origin assets a page loads (stylesheets, scripts, icons, images) and foreign URLs. */
function references(html: string, base: string): { assets: string[]; foreign: string[] } {
  const urls = [
    ...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g),
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g),
    // The maps' outlines file (one per level, shared by every area's <use>).
    ...html.matchAll(/<use\b[^>]*\bhref="([^"#]+)/g),
    ...html.matchAll(/url\(["']?([^"')]+)["']?\)/g),
  ]
    .filter((m) => !/\brel="(alternate|canonical)"/.test(m[0]))
    .map((m) => m[1]!.replaceAll('&amp;', '&'))
  const origin = new URL(base).origin
  const assets = new Set<string>()
  const foreign = new Set<string>()
  for (const u of urls) {
    if (u.startsWith('data:')) continue
    const abs = new URL(u, base)
    if (abs.origin === origin) assets.add(abs.href)
    else foreign.add(abs.href)
  }
  return { assets: [...assets], foreign: [...foreign] }
}

async function measure(base: string, spec: PageSpec): Promise<Row> {
  const res = await fetchRaw(`${base}${spec.path}`, {
    method: spec.method,
    body: spec.form ? new URLSearchParams(spec.form).toString() : undefined,
    headers: spec.form
      ? { 'content-type': 'application/x-www-form-urlencoded', origin: base }
      : undefined,
  })
  const row: Row = {
    page: spec.name,
    budget: spec.budget ?? BUDGET_TOTAL,
    status: res.status,
    html: res.wire,
    css: 0,
    js: 0,
    other: 0,
    requests: 1,
    foreign: [],
    htmlBr: brotliCompressSync(Buffer.from(res.text)).length,
  }
  const { assets, foreign } = references(res.text, `${base}${spec.path}`)
  row.foreign.push(...foreign)
  for (const asset of assets) {
    const a = await fetchRaw(asset)
    row.requests++
    if (asset.endsWith('.css')) {
      row.css += a.wire
      // Assets referenced from the stylesheet (fonts, images) count too.
      const nested = references(a.text, asset)
      row.foreign.push(...nested.foreign)
      for (const n of nested.assets) {
        row.other += (await fetchRaw(n)).wire
        row.requests++
      }
    } else if (asset.endsWith('.js')) row.js += a.wire
    else row.other += a.wire
  }
  return row
}

/** A fictitious débat, approved, so that the event page is measured. */
async function publishFictitiousEvent(base: string, token: string): Promise<void> {
  const res = await fetch(`${base}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'debat',
      title: 'Débat de mesure à Exemple',
      description: 'Un débat fictif publié par le script de budget pour mesurer la page.',
      startsAt: '2030-06-18T18:30',
      endsAt: '2030-06-18T20:30',
      place: { commune: 'com:35238', venue: 'Salle des fêtes d’Exemple' },
      organiserName: 'Association d’Exemple',
      themes: ['mediation'],
      privateContact: { email: 'budget@example.fr' },
    }),
  })
  if (res.status !== 201) throw new Error(`événement refusé : ${res.status} ${await res.text()}`)
  const { id } = (await res.json()) as { id: string }
  const approved = await fetch(`${base}/api/moderation/events/${id}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  })
  if (approved.status !== 200) throw new Error(`approbation refusée : ${approved.status}`)
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`

async function main() {
  let base = process.env.BUDGET_URL?.replace(/\/$/, '')
  let stop = async () => {}
  if (!base) {
    const persistTo = mkdtempSync(path.join(tmpdir(), 'observatoire-budget-'))
    console.log('Préparation de la base locale et démarrage du Worker…')
    await prepareLocalDatabase({ persistTo })
    const port = await freePort()
    const token = randomBytes(24).toString('base64url')
    base = `http://127.0.0.1:${port}`
    const worker = await startWorker({
      port,
      persistTo,
      vars: {
        MODERATOR_TOKENS: `budget:${token}`,
        MEILI_HOST: '',
        PUBLIC_BASE_URL: base,
        RATE_LIMITS: 'off',
      },
    })
    stop = async () => {
      await worker.stop()
      rmSync(persistTo, { recursive: true, force: true })
    }
    console.log(`${await loadRealCatalogue(base, token)} expériences du catalogue réel publiées`)
    await publishFictitiousEvent(base, token)
  }

  try {
    const list = (await (await fetch(`${base}/api/experiments?limit=100`)).json()) as {
      items: { slug: string; completeness: number }[]
    }
    // The richest record is the heaviest experiment page.
    const richest = [...list.items].sort((a, b) => b.completeness - a.completeness)[0]
    const actors = (await (await fetch(`${base}/api/actors?limit=100`)).json()) as {
      items: { slug: string }[]
    }
    // The longest record is the heaviest actor page.
    const richestActor = [...actors.items].sort(
      (a, b) => JSON.stringify(b).length - JSON.stringify(a).length
    )[0]
    const events = (await (await fetch(`${base}/api/events?limit=1`)).json()) as {
      items: { slug: string }[]
    }
    const valid: [string, string][] = [
      ['title', 'Mesure de poids de page'],
      [
        'summary',
        'Une fiche envoyée par le script de budget pour mesurer la page de confirmation.',
      ],
      ['lead.name', 'Commune de Redon'],
      ['lead.kind', 'commune'],
      ['territories', 'com:35236'],
      ['themes', 'mediation'],
      ['stage', 'pilot'],
      ['startDate', '2024'],
      ['privateContact.email', 'budget@example.fr'],
      ['_confirm', '1'],
    ]
    const pages: PageSpec[] = [
      { name: 'Accueil', path: '/' },
      { name: 'Résultats (texte + filtre)', path: '/?q=num%C3%A9rique&theme=mediation' },
      { name: 'Carte des départements', path: '/?carte=dep' },
      { name: 'Expérience', path: `/experiences/${richest?.slug ?? 'inconnue'}` },
      { name: 'Formulaire', path: '/proposer' },
      {
        name: 'Formulaire avec erreurs',
        path: '/proposer',
        method: 'POST',
        form: [['title', 'x']],
      },
      { name: 'Confirmation', path: '/proposer', method: 'POST', form: valid },
      { name: 'Page introuvable', path: '/experiences/inconnue' },
      {
        name: 'Comparaison (4 territoires)',
        path: '/comparer?t=reg%3A53&t=reg%3A28&t=dep%3A35&t=dep%3A29',
      },
      { name: 'Territoire', path: '/territoires/reg:53' },
      { name: 'Données ouvertes', path: '/donnees?theme=mediation' },
      { name: 'Accessibilité', path: '/accessibilite' },
      // The network's pages; the one event is in Rennes, so Finistère's agenda is empty.
      { name: 'Agenda', path: '/evenements' },
      { name: 'Agenda vide', path: '/evenements?territory=dep%3A29' },
      ...events.items.map((e) => ({ name: 'Événement', path: `/evenements/${e.slug}` })),
      { name: 'Acteurs', path: '/acteurs' },
      { name: 'Acteur', path: `/acteurs/${richestActor?.slug ?? 'inconnu'}` },
      { name: 'Qui peut m’aider ?', path: '/reseau/qui-peut-aider' },
      { name: 'Parole recueillie', path: '/parole-recueillie' },
      { name: 'Parole recueillie (territoire)', path: '/parole-recueillie/territoires/dep:35' },
      { name: 'Contributeurs d’un territoire', path: '/territoires/dep:35/contributeurs' },
      {
        name: 'Intégration (iframe)',
        path: '/integrer?territory=reg%3A53&theme=mediation',
        budget: BUDGET_EMBED,
      },
    ]
    const rows: Row[] = []
    for (const spec of pages) rows.push(await measure(base, spec))

    let failed = false
    console.log(
      '\n| Page | Statut | HTML | CSS | JS | Total transféré | Requêtes | Autres hôtes | HTML en br* | Budget |'
    )
    console.log('|---|---|---|---|---|---|---|---|---|---|')
    for (const r of rows) {
      const total = r.html + r.css + r.js + r.other
      const problems = [
        total > r.budget && `total > ${kb(r.budget)}`,
        r.js > BUDGET_JS && `JS > ${kb(BUDGET_JS)}`,
        r.foreign.length > 0 && `${r.foreign.length} requête(s) vers d’autres hôtes`,
      ].filter(Boolean)
      if (problems.length) failed = true
      console.log(
        `| ${r.page} | ${r.status} | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.js)} | ${kb(total)} | ${r.requests} | ${r.foreign.length} | ${kb(r.htmlBr)} | ${problems.length ? `DÉPASSÉ : ${problems.join(', ')}` : 'ok'} |`
      )
      for (const f of r.foreign) console.log(`    autre hôte : ${f}`)
    }
    console.log(
      `\nTailles transférées telles que servies (content-encoding du serveur) ; budgets : ${kb(BUDGET_TOTAL)} par page (${kb(BUDGET_EMBED)} pour l’intégration), ${kb(BUDGET_JS)} de JS.` +
        '\n* HTML compressé en Brotli localement : ce qu’enverrait la périphérie Cloudflare à un navigateur qui accepte br.'
    )
    process.exitCode = failed ? 1 : 0
  } finally {
    await stop()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
