/**
 * When a published record needs a fresh look: its submitter (or a moderator) has not
 * confirmed it for 18 months. Shared by the experiment page and any list that shows the
 * « à vérifier » badge, so they all agree.
 */
export const VERIFY_AFTER_MONTHS = 18

export function needsVerification(lastVerifiedAt: string | null | undefined, now: Date): boolean {
  if (!lastVerifiedAt) return true
  const cutoff = new Date(now.getTime())
  cutoff.setUTCMonth(cutoff.getUTCMonth() - VERIFY_AFTER_MONTHS)
  const verified = Date.parse(lastVerifiedAt)
  return Number.isNaN(verified) || verified < cutoff.getTime()
}
