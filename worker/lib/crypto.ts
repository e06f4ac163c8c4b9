/** Small WebCrypto helpers: identifiers, secret tokens and their hashes. */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID: 48-bit millisecond time + 80 random bits, sortable by creation time. */
export function ulid(now = Date.now()): string {
  let time = ''
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time
  const random = crypto.getRandomValues(new Uint8Array(16))
  let rest = ''
  for (let i = 0; i < 16; i++) rest += CROCKFORD[random[i]! % 32]
  return time + rest
}

/** A capability token: 32 bytes from the CSPRNG (256 bits), base64url. */
export function secretToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '')
}

export async function sha256Bytes(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)))
}

export async function sha256Hex(value: string): Promise<string> {
  return [...(await sha256Bytes(value))].map((b) => b.toString(16).padStart(2, '0')).join('')
}
