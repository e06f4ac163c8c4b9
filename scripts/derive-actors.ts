/**
 * `npm run derive:actors`: writes `data/network/actors.json`, the real actors derived from
 * the real catalogue's porteurs (rules in scripts/lib/real-actors.ts). Review the diff
 * before committing it: the file is what `npm start` loads.
 */
import { writeFileSync } from 'node:fs'
import { deriveRealActors, REAL_ACTORS_URL } from './lib/real-actors'

const actors = deriveRealActors()
writeFileSync(REAL_ACTORS_URL, `${JSON.stringify(actors, null, 2)}\n`)
const links = actors.reduce((n, a) => n + a.experiments.length, 0)
console.log(`${actors.length} actors, porteurs of ${links} records → ${REAL_ACTORS_URL.pathname}`)
