/**
 * Moderator accounts from the command line and from `npm start`: a generated password
 * (shown once, never stored in clear by the database), its PBKDF2 hash written with
 * `wrangler d1 execute` to the local state (default) or the remote database.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import {
  disableModeratorSql,
  insertModeratorSql,
  MODERATOR_NAME,
  moderatorExistsSql,
} from '../../worker/db/moderators'
import { generatePassword, hashPassword } from '../../worker/lib/password'
import { queryLocal, ROOT } from './local-dev'

const run = promisify(execFile)
const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler')
const WRANGLER_ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }

export const DEFAULT_PERSIST_TO = path.join(ROOT, '.wrangler', 'state')
const DEV_VARS = path.join(ROOT, '.dev.vars')
const DEMO_NAME = 'demo'
const DEMO_VAR = 'DEMO_MODERATOR_PASSWORD'

export type Target = { remote: true } | { remote: false; persistTo: string }

async function execute(target: Target, sql: string): Promise<string> {
  const where = target.remote ? ['--remote'] : ['--local', '--persist-to', target.persistTo]
  const { stdout } = await run(
    WRANGLER,
    ['d1', 'execute', 'DB', ...where, '--json', '--yes', '--command', sql],
    { cwd: ROOT, env: WRANGLER_ENV, maxBuffer: 16 * 1024 * 1024 }
  )
  return stdout
}

async function exists(target: Target, name: string): Promise<boolean> {
  if (!target.remote) {
    return (
      (await queryLocal<{ name: string }>(target.persistTo, moderatorExistsSql(name))).length > 0
    )
  }
  const parsed = JSON.parse(await execute(target, moderatorExistsSql(name))) as {
    results: unknown[]
  }[]
  return (parsed[0]?.results.length ?? 0) > 0
}

/** Creates an account with `password` (generated when absent); returns the password. */
export async function addModerator(
  name: string,
  target: Target,
  password = generatePassword()
): Promise<string> {
  if (!MODERATOR_NAME.test(name)) {
    throw new Error(
      'Nom invalide : 2 à 40 caractères parmi a-z, 0-9, point, tiret et tiret bas, en commençant par une lettre ou un chiffre.'
    )
  }
  if (await exists(target, name)) throw new Error(`Le compte « ${name} » existe déjà.`)
  const hash = await hashPassword(password)
  await execute(target, insertModeratorSql(name, hash, new Date().toISOString()))
  return password
}

/** Disables an account (it can no longer sign in) and ends its open sessions. */
export async function disableModerator(name: string, target: Target): Promise<void> {
  if (!(await exists(target, name))) throw new Error(`Aucun compte « ${name} ».`)
  await execute(target, disableModeratorSql(name, new Date().toISOString()))
}

async function readDevVar(name: string): Promise<string | null> {
  if (!existsSync(DEV_VARS)) return null
  const match = new RegExp(`^${name}=(.*)$`, 'm').exec(await readFile(DEV_VARS, 'utf8'))
  const value = match?.[1]?.trim().replace(/^"(.*)"$/, '$1')
  return value ? value : null
}

async function writeDevVar(name: string, value: string): Promise<void> {
  const text = existsSync(DEV_VARS) ? await readFile(DEV_VARS, 'utf8') : ''
  const line = `${name}=${value}`
  const pattern = new RegExp(`^${name}=.*$`, 'm')
  const next = pattern.test(text)
    ? text.replace(pattern, line)
    : `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`
  await writeFile(DEV_VARS, next)
}

/**
 * For `npm start`: makes sure the local database has a `demo` moderator. Its password is
 * kept in .dev.vars (DEMO_MODERATOR_PASSWORD) so it survives restarts, and reused if the
 * local state was wiped. Returns the credentials when the account was just created, null
 * when it already existed.
 */
export async function ensureDemoModerator(
  persistTo: string
): Promise<{ name: string; password: string } | null> {
  const target: Target = { remote: false, persistTo }
  if (await exists(target, DEMO_NAME)) return null
  const password = (await readDevVar(DEMO_VAR)) ?? generatePassword()
  await addModerator(DEMO_NAME, target, password)
  await writeDevVar(DEMO_VAR, password)
  return { name: DEMO_NAME, password }
}
