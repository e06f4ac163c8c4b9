/**
 * When a published record needs a fresh look: its submitter (or a moderator) has not
 * confirmed it for 18 months. The one rule behind the « à vérifier » badge (record page,
 * result cards) and the « à vérifier » filter (both search engines, the list, the exports
 * and the feed), so they all agree.
 */
export const VERIFY_AFTER_MONTHS = 18

/** The instant before which a last verification is too old (ISO 8601, UTC). */
export function verificationCutoff(now: Date): string {
  const cutoff = new Date(now.getTime())
  cutoff.setUTCMonth(cutoff.getUTCMonth() - VERIFY_AFTER_MONTHS)
  return cutoff.toISOString()
}

/** Never verified, or last verified before the cutoff. */
export function needsVerification(lastVerifiedAt: string | null | undefined, now: Date): boolean {
  if (!lastVerifiedAt) return true
  const verified = Date.parse(lastVerifiedAt)
  return Number.isNaN(verified) || verified < Date.parse(verificationCutoff(now))
}
