/**
 * `tsx scripts/geo/derive-centroids.ts [--from ../shared/data/geo]`
 *
 * Derives the compact centroid files the project ships (data/geo/centroids/) from the
 * provided IGN Admin Express COG 2018 centroids (france-geojson, Licence Ouverte): the
 * INSEE code, longitude, latitude and area, without the names (the territory reference
 * names every territory). Run once when the source changes; the output is committed, so
 * a fresh clone needs neither the source nor this script.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from '../lib/local-dev'

const { values } = parseArgs({
  options: { from: { type: 'string', default: path.join(ROOT, '..', 'shared', 'data', 'geo') } },
})
const out = path.join(ROOT, 'data', 'geo', 'centroids')
await mkdir(out, { recursive: true })

for (const [source, target] of [
  ['communes-centroides.csv', 'communes.csv'],
  ['departements-centroides.csv', 'departements.csv'],
  ['regions-centroides.csv', 'regions.csv'],
] as const) {
  const lines = (await readFile(path.join(values.from, source), 'utf8')).trim().split('\n')
  const header = lines[0]!.split(',')
  const at = (name: string) => header.indexOf(name)
  const columns = [at('code'), at('longitude'), at('latitude'), at('superficie_km2')]
  if (columns.includes(-1)) throw new Error(`${source}: unexpected header ${lines[0]}`)
  const rows = lines.slice(1).map((line) => {
    // Names are quoted and may hold commas; the other fields never do.
    const fields = line.replace(/"[^"]*"/g, '').split(',')
    return columns.map((i) => fields[i]).join(',')
  })
  await writeFile(
    path.join(out, target),
    ['code,longitude,latitude,superficie_km2', ...rows].join('\n') + '\n'
  )
  console.log(`${target} : ${rows.length} lignes`)
}
