/**
 * Moderator passwords: PBKDF2-SHA-256 through WebCrypto, a 16-byte random salt per
 * account, 100,000 iterations. OWASP asks 600,000 for PBKDF2-HMAC-SHA256, but the Workers
 * runtime refuses more than 100,000 in production ("Pbkdf2 failed: iteration counts above
 * 100000 are not supported", cloudflare/workerd#1346; the cap comes from the platform's
 * limits, so a local workerd accepts more and cannot show it): 100,000 is the maximum.
 * Passwords are generated, long and random rather than chosen, which is what keeps them
 * out of reach. Runs unchanged in workerd and in Node (scripts/moderator.ts).
 *
 * Stored as `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>` and verified with the
 * count it stores, so the cost can be raised without rejecting stored hashes: a hash below
 * the current count is replaced at the next sign-in (`needsRehash`).
 */

const PBKDF2_ITERATIONS = 100_000
/** Stored counts accepted: below this a hash is not worth trusting, above it workerd refuses. */
const MIN_ITERATIONS = 10_000
const SALT_BYTES = 16
const HASH_BITS = 256

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits']
  )
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS
  )
  return new Uint8Array(bits)
}

/** `iterations` other than today's cost only to make hashes as an older setting did (tests). */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, iterations)
  return `pbkdf2-sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`
}

/** Same work whatever the input, so an unknown account answers as slowly as a known one. */
const DUMMY_SALT = new Uint8Array(SALT_BYTES)

/** The iteration count a stored hash declares, or null when it is not one of ours. */
function storedIterations(stored: string | null): number | null {
  const parts = stored?.split('$') ?? []
  const iterations = Number(parts[1])
  const wellFormed =
    parts.length === 4 &&
    parts[0] === 'pbkdf2-sha256' &&
    Number.isInteger(iterations) &&
    iterations >= MIN_ITERATIONS &&
    iterations <= PBKDF2_ITERATIONS
  return wellFormed ? iterations : null
}

/** A valid stored hash made with fewer iterations than today's: hash the password again. */
export function needsRehash(stored: string): boolean {
  const iterations = storedIterations(stored)
  return iterations !== null && iterations < PBKDF2_ITERATIONS
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$') ?? []
  const iterations = storedIterations(stored)
  const wellFormed = iterations !== null
  let salt = DUMMY_SALT
  let expected = new Uint8Array(HASH_BITS / 8)
  if (wellFormed) {
    try {
      salt = fromBase64Url(parts[2]!)
      expected = fromBase64Url(parts[3]!)
    } catch {
      return derive(password, DUMMY_SALT, PBKDF2_ITERATIONS).then(() => false)
    }
  }
  const actual = await derive(password, salt, iterations ?? PBKDF2_ITERATIONS)
  return wellFormed && constantTimeEqual(actual, expected)
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** A generated password: 18 bytes from the CSPRNG (144 bits), 24 base64url characters. */
export function generatePassword(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(18)))
}
