/**
 * An actor's owner editing through its private link, as experiments' owners do
 * (services/editing.ts holds the access shared by both kinds): a pending actor (or one
 * sent back for changes) is changed in place, a published one gets a proposal holding
 * only the changed fields, which a moderator approves or refuses; the private contact
 * changes at once and never enters a revision or a proposal.
 */
import { ActorInput, type ActorContent } from '../domain/actor'
import { changeSet } from '../domain/change-set'
import { ACTOR_DIFF } from '../domain/revision-diff'
import type { ActorRow } from '../db/actors'
import { updatePrivateContact } from '../db/edit-access'
import { insertOwnerReply, latestOwnerReply } from '../db/owner-replies'
import { getPendingProposalFor, latestRejectedProposal, proposeStatements } from '../db/proposals'
import { latestDecision, type Change } from '../db/revisions'
import type { Db } from '../db/session'
import { ulid } from '../lib/crypto'
import { deriveActor, writeActor } from './actors'
import {
  closedToEdits,
  editsInPlace,
  isEditable,
  mergedContent,
  type EditOptions,
  type EditOutcome,
} from './editing'
import { proposalOutcome } from './moderation/proposals'

/** What the owner's private page shows and edits (the actor counterpart of `EditableRecord`). */
export interface EditableActor {
  id: string
  slug: string
  status: ActorRow['status']
  revision: number
  /** The content to edit (the waiting proposal if any), private contact included. */
  input: ActorInput
  pendingProposal: { id: string; createdAt: string } | null
  lastVerifiedAt: string | null
  editable: boolean
  decision: { action: string; reason: string | null; at: string } | null
  rejectedProposal: { reason: string; at: string } | null
  reply: { message: string; at: string; revision: number } | null
}

/** The content the owner's form starts from: the waiting proposal applied, else the actor. */
async function shownContent(db: Db, row: ActorRow) {
  const proposal = await getPendingProposalFor(db, row.id, 'actor')
  const content = proposal
    ? proposalOutcome(row.data, proposal, ACTOR_DIFF).content
    : (JSON.parse(row.data) as unknown)
  return { proposal, content }
}

export async function editableActor(db: Db, row: ActorRow): Promise<EditableActor> {
  const [{ proposal, content }, decision, rejectedProposal, reply] = await Promise.all([
    shownContent(db, row),
    latestDecision(db, row.id, 'actor'),
    latestRejectedProposal(db, row.id, 'actor'),
    latestOwnerReply(db, row.id, 'actor'),
  ])
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    revision: row.revision,
    input: {
      ...(content as ActorContent),
      privateContact: JSON.parse(row.private_contact) as ActorInput['privateContact'],
    },
    pendingProposal: proposal ? { id: proposal.id, createdAt: proposal.created_at } : null,
    lastVerifiedAt: row.last_verified_at,
    editable: isEditable(row),
    decision,
    rejectedProposal,
    reply,
  }
}

/**
 * Applies the owner's edit to the actor they hold the link of: in place when pending (an
 * actor sent back for changes returns to the queue), as a proposal when published.
 */
export async function submitActorEdit(
  db: Db,
  row: ActorRow,
  input: ActorInput,
  options: EditOptions = {},
  now = new Date()
): Promise<EditOutcome> {
  if (!isEditable(row)) throw closedToEdits(row)
  const at = now.toISOString()
  const contact =
    JSON.stringify(input.privateContact) !== row.private_contact
      ? [updatePrivateContact(db, row.id, input.privateContact, 'actor')]
      : []
  const { content: shown } = await shownContent(db, row)
  const content = mergedContent(
    shown,
    input,
    options.carried ?? (() => true),
    ActorInput,
    ACTOR_DIFF
  )
  const changes = changeSet(JSON.parse(row.data), content, ACTOR_DIFF)
  const message = options.message?.trim() || null
  const answers = message !== null && row.status === 'changes_requested'

  if (changes.length === 0 && !answers) {
    // Same public content: nothing to moderate, no revision; a waiting proposal stays.
    if (contact.length > 0) await db.batch(contact)
    return { outcome: 'unchanged' }
  }
  if (editsInPlace(row)) {
    const change: Change = { action: 'edit', actor: 'submitter', at }
    const reply = answers
      ? [insertOwnerReply(db, row.id, row.revision + 1, message, at, 'actor')]
      : []
    await writeActor(
      db,
      {
        kind: 'content',
        id: row.id,
        readRevision: row.revision,
        content,
        change,
        // The owner's answer to a request for changes puts the actor back in the queue.
        ...(row.status === 'changes_requested' ? { status: 'pending' as const } : {}),
      },
      [...contact, ...reply]
    )
    return { outcome: 'applied', revision: row.revision + 1 }
  }
  const proposalId = ulid(now.getTime())
  await db.batch([
    ...proposeStatements(
      db,
      {
        id: proposalId,
        recordId: row.id,
        baseRevision: row.revision,
        content,
        changes,
        message,
        derived: await deriveActor(db, content),
        completeness: 0,
        at,
      },
      'actor'
    ),
    ...contact,
  ])
  return { outcome: 'proposed', proposalId }
}
