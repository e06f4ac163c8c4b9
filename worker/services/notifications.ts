/**
 * Telling the contributor what moderators decided: an e-mail to the record's private
 * contact when a moderator requests changes, rejects, publishes, or decides on a proposed
 * edit — through the configured sender (worker/mail/senders.ts), and nothing when none is
 * configured. The decision is already committed when this runs: a failed e-mail is logged,
 * never turned into a failed decision. Each message is in French, then English.
 */
import type { ModerationAction } from '../domain/moderation'
import { getLifecycleRow } from '../db/moderation'
import type { RecordKind, RecordRow } from '../db/record-kinds'
import type { Db } from '../db/session'
import type { MailSender } from '../mail/senders'

export type ContributorEvent =
  | { kind: 'request-changes'; reason: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'approve' }
  | { kind: 'proposal-approved' }
  | { kind: 'proposal-rejected'; reason: string }

/** The message a moderation decision sends, if any (publication, refusal, request for changes). */
export function decisionEvent(
  action: ModerationAction,
  reason: string | undefined
): ContributorEvent | null {
  if (action === 'approve') return { kind: 'approve' }
  if ((action === 'reject' || action === 'request-changes') && reason)
    return { kind: action, reason: reason.trim() }
  return null
}

export interface ContributorNotifier {
  /** Tells the private contact of record `id` of `kind` (an experiment by default). */
  notify(id: string, event: ContributorEvent, kind?: RecordKind): Promise<void>
}

/** Where each kind of record is published, and what names it in a message. */
const PAGES: Record<RecordKind, string> = {
  experiment: 'experiences',
  actor: 'acteurs',
  event: 'evenements',
}
type NamedRow = RecordRow & { title?: string; name?: string }

const PRIVATE_LINK = {
  fr: 'Ouvrez le lien privé reçu lors de votre proposition pour voir la fiche et la modifier.',
  en: 'Open the private link you received when you submitted to see the record and edit it.',
}

function texts(event: ContributorEvent, title: string, page: string) {
  switch (event.kind) {
    case 'request-changes':
      return {
        subject: `Modifications demandées : ${title} / Changes requested`,
        fr: `L’équipe de modération demande des modifications avant de publier « ${title} » :\n\n${event.reason}\n\nQue faire : modifiez la fiche et, si besoin, répondez dans le message à l’équipe ; elle reviendra alors dans la file de modération. ${PRIVATE_LINK.fr}`,
        en: `The moderation team asks for changes before publishing “${title}”:\n\n${event.reason}\n\nWhat to do: edit the record and, if needed, answer in the message to the team; it then goes back to the moderation queue. ${PRIVATE_LINK.en}`,
      }
    case 'reject':
      return {
        subject: `Fiche refusée : ${title} / Record rejected`,
        fr: `L’équipe de modération a refusé « ${title} » :\n\n${event.reason}\n\nQue faire : vous pouvez proposer une nouvelle fiche qui en tient compte. ${PRIVATE_LINK.fr}`,
        en: `The moderation team rejected “${title}”:\n\n${event.reason}\n\nWhat to do: you may submit a new record that takes this into account. ${PRIVATE_LINK.en}`,
      }
    case 'approve':
      return {
        subject: `Fiche publiée : ${title} / Record published`,
        fr: `« ${title} » est publiée : ${page}\n\nVous pourrez la mettre à jour avec votre lien privé ; vos modifications seront relues avant d’être en ligne.`,
        en: `“${title}” is published: ${page}\n\nYou can update it with your private link; your changes will be reviewed before going online.`,
      }
    case 'proposal-approved':
      return {
        subject: `Modification publiée : ${title} / Change published`,
        fr: `Votre modification de « ${title} » est en ligne : ${page}`,
        en: `Your change to “${title}” is online: ${page}`,
      }
    case 'proposal-rejected':
      return {
        subject: `Modification refusée : ${title} / Change rejected`,
        fr: `L’équipe de modération a refusé votre modification de « ${title} » ; la version publiée reste en ligne :\n\n${event.reason}\n\n${PRIVATE_LINK.fr}`,
        en: `The moderation team rejected your change to “${title}”; the published version stays online:\n\n${event.reason}\n\n${PRIVATE_LINK.en}`,
      }
  }
}

/** A notifier sending through `sender` (null: e-mail off, nothing is sent). */
export function contributorNotifier(
  sender: MailSender | null,
  db: Db,
  publicBase: string
): ContributorNotifier {
  return {
    async notify(id, event, kind = 'experiment') {
      if (!sender) return
      try {
        const row = await getLifecycleRow<NamedRow>(db, kind, id)
        const to = row ? (JSON.parse(row.private_contact) as { email?: string }).email : undefined
        if (!row || !to) return
        const page = `${publicBase}/${PAGES[kind]}/${encodeURIComponent(row.slug)}`
        const t = texts(event, row.title ?? row.name ?? row.slug, page)
        await sender.send({ to, subject: t.subject, text: `${t.fr}\n\n— English —\n\n${t.en}\n` })
      } catch (err) {
        console.error(`notification to the contributor of ${kind} ${id} failed:`, err)
      }
    },
  }
}
