/**
 * Who a client is, as far as rate limits and the audit log need to know: its network,
 * pseudonymised.
 *
 * - Network: an IPv4 address as is, an IPv6 address by its /64 — one host picks any
 *   address of its /64 at will, so keying the full address would give it 2^64 buckets.
 * - Pseudonym: HMAC-SHA-256 under a key derived from the `IP_HASH_SECRET` secret and the
 *   current month (UTC). Without the secret, hashing the 2^32 IPv4 addresses reverses
 *   nothing; with it, hashes of different months still do not link, so a stored hash
 *   identifies a network for one month at most. Rate-limit windows (a minute, 15 minutes
 *   for sign-in) restart at the turn of the month; that is the cost of rotating.
 */
import type { Context } from 'hono'

declare global {
  namespace Cloudflare {
    interface Env {
      /** Key of the IP pseudonyms (`wrangler secret put IP_HASH_SECRET`); see client-ip.ts. */
      IP_HASH_SECRET?: string
    }
  }
}

/** Used only when the secret is missing (logged): hashes then resist no dictionary. */
const UNSET_SECRET = 'observatoire-ip-hash-secret-unset'

/** The network a client address stands for: IPv4 as is, IPv6 as its /64 prefix. */
export function clientNetwork(raw: string): string {
  // Without its zone (`fe80::1%eth0`), cut by hand: `/%.*$/` is quadratic on a run of `%`.
  const zone = raw.indexOf('%')
  const ip = (zone < 0 ? raw : raw.slice(0, zone)).trim().toLowerCase()
  if (!ip.includes(':')) return ip || 'unknown'
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip)
  if (mapped) return mapped[1]!
  const halves = ip.split('::')
  const left = halves[0] ? halves[0].split(':') : []
  const right = halves.length > 1 && halves[1] ? halves[1].split(':') : []
  const fill = halves.length > 1 ? Array(Math.max(0, 8 - left.length - right.length)).fill('0') : []
  const groups = [...left, ...fill, ...right].slice(0, 4)
  return `${groups.map((g) => (Number.parseInt(g, 16) || 0).toString(16)).join(':')}::/64`
}

/** The UTC month a pseudonym belongs to: the rotation period. */
export const hashPeriod = (now: Date) => now.toISOString().slice(0, 7)

const periodKeys = new Map<string, Promise<CryptoKey>>()
let warned = false

function hmacKey(raw: BufferSource): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
}

async function hmacHex(key: CryptoKey, message: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message))
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The month's key, derived from the secret: HMAC(secret, "ip-hash:" + period). */
function periodKey(secret: string, period: string): Promise<CryptoKey> {
  const id = `${period}\n${secret}`
  let key = periodKeys.get(id)
  if (!key) {
    key = (async () => {
      const derived = await hmacHex(
        await hmacKey(new TextEncoder().encode(secret)),
        `ip-hash:${period}`
      )
      return hmacKey(new TextEncoder().encode(derived))
    })()
    // One entry per month and secret: the map stays tiny.
    if (periodKeys.size > 8) periodKeys.clear()
    periodKeys.set(id, key)
  }
  return key
}

/**
 * The pseudonym of a client network for one purpose (`rate-limit`, `audit`…): 64 hex
 * characters. Purposes are separated so a rate-limit key never equals an audit hash.
 */
export async function networkHash(
  env: { IP_HASH_SECRET?: string | undefined },
  ip: string,
  purpose: string,
  now = new Date()
): Promise<string> {
  const secret = env.IP_HASH_SECRET?.trim()
  if (!secret && !warned) {
    warned = true
    console.warn('IP_HASH_SECRET is not set: IP pseudonyms are not keyed (see README)')
  }
  const key = await periodKey(secret || UNSET_SECRET, hashPeriod(now))
  return hmacHex(key, `${purpose}:${clientNetwork(ip)}`)
}

/** The address Cloudflare saw for this request. */
export const clientAddress = (c: Context) => c.req.header('cf-connecting-ip')?.trim() || 'unknown'

/** The request's client pseudonym for `purpose`. */
export function clientHash(c: Context, purpose: string): Promise<string> {
  const env: Env = c.env
  return networkHash(env, clientAddress(c), purpose)
}
