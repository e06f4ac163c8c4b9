/** French wording of the desk: statuses, actions and audit entries. */
import type { Status } from '../../../worker/domain/experiment'
import {
  MODERATION_ACTIONS,
  type AuditAction,
  type ModerationAction,
} from '../../../worker/domain/moderation'
import type { ReportReason } from '../../../worker/domain/report'

export const STATUS_LABELS: Record<Status, string> = {
  pending: 'En attente',
  changes_requested: 'Modifications demandées',
  published: 'Publiée',
  rejected: 'Refusée',
  unpublished: 'Dépubliée',
  merged: 'Fusionnée',
}

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  outdated: 'Obsolète',
  wrong: 'Erronée',
  duplicate: 'Doublon',
  inappropriate: 'Inappropriée',
}

/** A report's reason in words; a code from an older version says so. */
export function reportReasonLabel(reason: string): string {
  return reason in REPORT_REASON_LABELS
    ? REPORT_REASON_LABELS[reason as ReportReason]
    : `Motif non répertorié (${reason})`
}

/** Desk URL segment ↔ action. French in the address bar, English in the code. */
export const ACTION_SLUGS: Record<ModerationAction, string> = {
  approve: 'approuver',
  reject: 'refuser',
  'request-changes': 'demander-modifications',
  unpublish: 'depublier',
  delete: 'supprimer',
  restore: 'restaurer',
  merge: 'fusionner',
}

export const ACTION_LABELS: Record<ModerationAction, string> = {
  approve: 'Publier',
  reject: 'Refuser',
  'request-changes': 'Demander des modifications',
  unpublish: 'Dépublier',
  delete: 'Supprimer',
  restore: 'Restaurer',
  merge: 'Fusionner dans une autre fiche',
}

/** What the confirmation notice says after each action. */
export const ACTION_DONE: Record<ModerationAction, string> = {
  approve: 'La fiche est publiée.',
  reject: 'La proposition est refusée.',
  'request-changes': 'La demande de modifications est enregistrée.',
  unpublish: 'La fiche est dépubliée.',
  delete: 'La fiche est supprimée (restaurable).',
  restore: 'La fiche est restaurée.',
  merge: 'La fiche est fusionnée ; son adresse redirige vers la fiche qui reste.',
}

const AUDIT_LABELS: Record<AuditAction, string> = {
  submit: 'Proposition',
  edit: 'Modification par le porteur',
  verify: 'Confirmée exacte par le porteur',
  import: 'Import',
  'import-update': 'Mise à jour par import',
  approve: 'Publication',
  reject: 'Refus',
  'request-changes': 'Demande de modifications',
  unpublish: 'Dépublication',
  delete: 'Suppression',
  restore: 'Restauration',
  merge: 'Fusion',
  login: 'Connexion',
  'login-failed': 'Échec de connexion',
  'login-throttled': 'Connexion bloquée (trop d’essais)',
  logout: 'Déconnexion',
  'csrf-rejected': 'Formulaire refusé (origine ou jeton invalide)',
  'reissue-edit-link': 'Nouveau lien de modification envoyé',
  'approve-proposal': 'Modification du porteur acceptée',
  'reject-proposal': 'Modification du porteur refusée',
  'proposal-approve': 'Modification de l’organisateur acceptée',
  'proposal-reject': 'Modification de l’organisateur refusée',
  'close-report': 'Signalement traité',
  'approve-replication': 'Reproduction publiée',
  'reject-replication': 'Reproduction refusée',
  'publish-feedback': 'Retour d’expérience publié',
  'reject-feedback': 'Retour d’expérience retiré',
}

const isAuditAction = (action: string): action is AuditAction => action in AUDIT_LABELS

/** An audit or revision action in words; a code from an older version says so. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_LABELS[action] : `Action non répertoriée (${action})`
}

/** A soft-deleted record shows what a restore brings back. */
export function statusLabel(status: Status, before: Status | null): string {
  return before ? `Supprimée (avant : ${STATUS_LABELS[before]})` : STATUS_LABELS[status]
}

/** Dates as moderators read them: Paris time, to the minute. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date)
}

/** The confirmation after a decision, by the `?fait=` slug the desk redirects with. */
export const DESK_NOTICES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(MODERATION_ACTIONS.map((a) => [ACTION_SLUGS[a], ACTION_DONE[a]])),
  'proposition-publiee': 'La modification proposée est publiée.',
  'proposition-refusee': 'La modification proposée est refusée.',
  'signalement-clos': 'Le signalement est clos.',
}

/** The journal's names of an audit row's detail keys. */
const DETAIL_KEYS: Record<string, string> = {
  from: 'de',
  to: 'à',
  revision: 'révision',
  baseRevision: 'révision de départ',
  via: 'par',
  mergedInto: 'fusionnée dans',
  format: 'format',
  publish: 'publiées',
  counts: 'lignes',
  created: 'créées',
  updated: 'mises à jour',
  expiresAt: 'expire le',
  report: 'signalement',
  reason: 'motif',
  proposal: 'modification',
  replication: 'reproduction',
  territory: 'territoire',
  feedback: 'retour',
  path: 'adresse',
}

const VIA_LABELS: Record<string, string> = { api: 'API', desk: 'bureau', import: 'import' }

function detailValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'oui' : 'non'
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${DETAIL_KEYS[k] ?? k} ${detailValue(k, v)}`)
      .join(', ')
  }
  const text = String(value)
  if ((key === 'from' || key === 'to') && text in STATUS_LABELS)
    return STATUS_LABELS[text as Status]
  if (key === 'reason') return reportReasonLabel(text)
  if (key === 'via') return VIA_LABELS[text] ?? text
  if (key === 'expiresAt') return formatDateTime(text)
  return text
}

/** An audit row's JSON detail as one readable line, its codes in words. */
export function auditDetail(detail: string | null): string {
  if (!detail) return ''
  try {
    const d = JSON.parse(detail) as Record<string, unknown>
    return Object.entries(d)
      .map(([k, v]) => `${DETAIL_KEYS[k] ?? k} : ${detailValue(k, v)}`)
      .join(' · ')
  } catch {
    return ''
  }
}
