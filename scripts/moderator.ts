/**
 * `npm run moderator -- add <name> [--remote] [--persist-to <dir>]`: creates a named
 * moderator account for the desk (/moderation) with a generated password, printed once.
 * `npm run moderator -- disable <name> […]` disables one and ends its sessions.
 * Local by default (the `npm start` state in .wrangler/state); `--remote` writes to the
 * deployed D1 database. Only the PBKDF2 hash is stored.
 */
import { addModerator, DEFAULT_PERSIST_TO, disableModerator, type Target } from './lib/moderators'

const USAGE = 'Usage : npm run moderator -- add|disable <nom> [--remote] [--persist-to <dossier>]'

async function main(argv: string[]): Promise<void> {
  const [command, name, ...rest] = argv
  if ((command !== 'add' && command !== 'disable') || !name || name.startsWith('--')) {
    console.error(USAGE)
    process.exitCode = 2
    return
  }
  const at = rest.indexOf('--persist-to')
  const target: Target = rest.includes('--remote')
    ? { remote: true }
    : { remote: false, persistTo: at >= 0 && rest[at + 1] ? rest[at + 1]! : DEFAULT_PERSIST_TO }
  const where = target.remote ? 'base distante' : 'base locale'
  if (command === 'disable') {
    await disableModerator(name, target)
    console.log(`Compte « ${name} » désactivé, sessions fermées (${where}).`)
    return
  }
  const password = await addModerator(name, target)
  console.log(`Compte de modération « ${name} » créé (${where}).`)
  console.log(`Mot de passe (affiché une seule fois, conservez-le) : ${password}`)
  console.log('Connexion : /moderation/connexion')
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
