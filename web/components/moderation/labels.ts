/** French wording of the desk: statuses, actions and audit entries. */
import type { Status } from '../../../worker/domain/experiment'
import { MODERATION_ACTIONS, type ModerationAction } from '../../../worker/domain/moderation'

export const STATUS_LABELS: Record<Status, string> = {
  pending: 'En attente',
  changes_requested: 'Modifications demandées',
  published: 'Publiée',
  rejected: 'Refusée',
  unpublished: 'Dépubliée',
  merged: 'Fusionnée',
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

const AUDIT_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
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
}

export function auditLabel(action: string): string {
  return AUDIT_LABELS[action] ?? action
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
