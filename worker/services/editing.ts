/**
 * Submitter editing through the private edit link (capability URL, perf-security.md §4.5),
 * proposed revisions and their moderation, and the "still accurate" confirmation. Moderators' decisions on
 * proposals live in services/moderation/proposals.ts.
 *
 * - The edit token (32 CSPRNG bytes, only its SHA-256 stored, expiring, replaced when a
 *   moderator re-issues it) is exchanged for a short-lived session bound to the record
 *   and to that token, or presented as a bearer token to the JSON API.
 * - A pending record (or one a moderator sent back for changes) is edited in place: new
 *   revision, same status. A published one gets a proposal; the published version stays
 *   online until a moderator approves, which applies the content through the shared
 *   update primitive (revision + outbox rows + audit row in one batch).
 * - The private contact is the submitter's own and never published: it is updated at
 *   once, whatever the status, and never enters a revision or a proposal.
 */
import { z } from '@hono/zod-openapi'
import { changeSet, keepUncarried } from '../domain/change-set'
import { EXPERIMENT_DIFF, type ContentDiff } from '../domain/revision-diff'
import type { EditableRecord } from '../domain/editing'
import { ExperimentInput, type ExperimentContent, type Status } from '../domain/experiment'

type PrivateContact = ExperimentInput['privateContact']
import {
  closeEditSession,
  findByEditTokenHash,
  findEditSession,
  openEditSessionStatements,
  updatePrivateContact,
} from '../db/edit-access'
import { getExperiment, type ExperimentRow } from '../db/experiments'
import { insertOwnerReply, latestOwnerReply } from '../db/owner-replies'
import {
  getPendingProposalFor,
  latestRejectedProposal,
  proposeStatements,
  type ProposalRow,
} from '../db/proposals'
import type { EditableKind, RecordRow } from '../db/record-kinds'
import { latestDecision, type Change } from '../db/revisions'
import { wroteRow, type Db } from '../db/session'
import { fieldErrors, ProblemError } from '../http/problem'
import { secretToken, sha256Bytes, sha256Hex, ulid } from '../lib/crypto'
import { editTokenExpiry } from './submission'
import { proposalOutcome } from './moderation/proposals'
import { derive, loadReferences, writeRecord } from './records'

/** An edit session is short: long enough to fill the form, short enough if a device is shared. */
export const EDIT_SESSION_MINUTES = 60

/** Edited in place; a published record gets a proposal instead; others are closed to edits. */
const DIRECT_EDIT: readonly Status[] = ['pending', 'changes_requested']
const PROPOSAL_EDIT: readonly Status[] = ['published']

/** Base64url, 43 characters for 32 bytes; a little slack for older or longer tokens. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/

const invalidLink = () =>
  new ProblemError(
    404,
    'Ce lien de modification n’est pas valide ou a expiré. Demandez-en un nouveau à l’équipe de modération.'
  )

/** A record whose owner may open their private page: to edit it, or to read what was decided. */
function isViewable(row: RecordRow): boolean {
  return row.deleted_at === null && row.status !== 'merged'
}

/** Whether the owner may still change the record (in place, or by a proposal). */
export function isEditable(row: RecordRow): boolean {
  return (
    row.deleted_at === null &&
    (DIRECT_EDIT.includes(row.status) || PROPOSAL_EDIT.includes(row.status))
  )
}

/** Whether an owner's edit changes the record in place (else it is a proposal). */
export const editsInPlace = (row: RecordRow): boolean => DIRECT_EDIT.includes(row.status)

async function sameHash(a: string, b: string): Promise<boolean> {
  // Compare digests of the hex strings, so the comparison takes the same time whatever they hold.
  return crypto.subtle.timingSafeEqual(await sha256Bytes(a), await sha256Bytes(b))
}

// ── Access (every kind of record) ───────────────────────────────────────────

interface EditSession {
  /** The cookie value (secret); only its hash is stored. */
  sessionId: string
  recordId: string
  expiresAt: string
}

/** Exchanges a valid edit token of a record of `kind` for a session (and renews the token's expiry). */
export async function openEditSession(
  db: Db,
  token: string,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<EditSession> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink()
  const hash = await sha256Hex(token)
  const row = await findByEditTokenHash<RecordRow>(db, hash, kind)
  const at = now.toISOString()
  if (!row || !(await sameHash(hash, row.edit_token_hash)) || row.edit_token_expires_at <= at) {
    throw invalidLink()
  }
  if (!isViewable(row)) throw closedToEdits(row)
  const sessionId = secretToken()
  const expiresAt = new Date(now.getTime() + EDIT_SESSION_MINUTES * 60_000).toISOString()
  const [opened] = await db.batch(
    openEditSessionStatements(
      db,
      { idHash: await sha256Hex(sessionId), recordId: row.id, tokenHash: hash, at, expiresAt },
      editTokenExpiry(now),
      kind
    )
  )
  if (!wroteRow(opened)) throw invalidLink()
  return { sessionId, recordId: row.id, expiresAt }
}

/** The record of `kind` a session cookie may edit, or null (expired, revoked, unknown). */
export async function recordForSession<Row extends RecordRow = ExperimentRow>(
  db: Db,
  sessionId: string | undefined,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<Row | null> {
  if (!sessionId || !TOKEN_SHAPE.test(sessionId)) return null
  const row = await findEditSession<Row>(db, await sha256Hex(sessionId), now.toISOString(), kind)
  return row && row.deleted_at === null ? row : null
}

export async function endEditSession(
  db: Db,
  sessionId: string | undefined,
  kind: EditableKind = 'experiment'
): Promise<void> {
  if (!sessionId || !TOKEN_SHAPE.test(sessionId)) return
  await db.batch([closeEditSession(db, await sha256Hex(sessionId), kind)])
}

/**
 * The record an API client may edit with `Authorization: Bearer <edit token>`: 404 when the
 * token does not belong to this id (no hint whether the id exists), 409 when closed.
 */
export async function recordForBearer(
  db: Db,
  id: string,
  token: string,
  now = new Date()
): Promise<ExperimentRow> {
  const row = await getExperiment(db, id)
  const hash = await sha256Hex(token)
  const matches = row ? await sameHash(hash, row.edit_token_hash) : false
  if (
    !row ||
    !matches ||
    !TOKEN_SHAPE.test(token) ||
    row.edit_token_expires_at <= now.toISOString()
  ) {
    throw new ProblemError(
      403,
      'Ce jeton de modification ne correspond pas à cette fiche, ou il a expiré.'
    )
  }
  if (!isEditable(row)) throw closedToEdits(row)
  return row
}

export function closedToEdits(row: RecordRow): ProblemError {
  return new ProblemError(
    409,
    row.deleted_at !== null || row.status === 'merged'
      ? 'Cette fiche a été retirée ou fusionnée : elle ne peut plus être modifiée.'
      : `Cette fiche (statut « ${row.status} ») ne peut pas être modifiée en ligne ; contactez l’équipe de modération.`
  )
}

// ── Reading what to edit ─────────────────────────────────────────────────────

export async function editableRecord(db: Db, row: ExperimentRow): Promise<EditableRecord> {
  const [proposal, decision, rejectedProposal, reply] = await Promise.all([
    getPendingProposalFor(db, row.id),
    latestDecision(db, row.id),
    latestRejectedProposal(db, row.id),
    latestOwnerReply(db, row.id),
  ])
  const content = shownContent(row, proposal) as ExperimentContent
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    revision: row.revision,
    input: { ...content, privateContact: JSON.parse(row.private_contact) as PrivateContact },
    pendingProposal: proposal ? { id: proposal.id, createdAt: proposal.created_at } : null,
    lastVerifiedAt: row.last_verified_at,
    editable: isEditable(row),
    decision,
    rejectedProposal,
    reply,
  }
}

// ── Writing ──────────────────────────────────────────────────────────────────

/** What became of a submitter's edit: the response of `PUT /api/experiments/{id}/edit`. */
export const EditOutcome = z
  .object({
    outcome: z.enum(['applied', 'proposed', 'unchanged']).openapi({
      description:
        '`applied` : fiche en attente modifiée directement ; `proposed` : fiche publiée, modification soumise à la modération ; `unchanged` : contenu public identique',
    }),
    revision: z.number().int().optional(),
    proposalId: z.string().optional(),
  })
  .openapi('EditOutcome')
export type EditOutcome = z.infer<typeof EditOutcome>

export interface EditOptions {
  /**
   * Which fields (the diff's leaf paths) the edit form carried: every other field keeps
   * the value the form was showing. Omitted by the JSON API, whose PUT replaces the content.
   */
  carried?: (field: string) => boolean
  /** What the owner tells the moderators with this edit (never published). */
  message?: string | undefined
}

/** The owner's answer to a request for changes, stored with the edit that carries it. */
function ownerReply(
  db: Db,
  row: ExperimentRow,
  message: string | null,
  at: string
): D1PreparedStatement[] {
  if (!message || row.status !== 'changes_requested') return []
  return [insertOwnerReply(db, row.id, row.revision + 1, message, at)]
}

/** The content the owner's form starts from: the waiting proposal if any, else the record. */
function shownContent(row: ExperimentRow, proposal: ProposalRow | null): unknown {
  return proposal ? proposalOutcome(row.data, proposal).content : JSON.parse(row.data)
}

/**
 * The posted content, with the fields the form did not carry taken back from what it
 * showed, validated by the kind's input schema (its private contact set aside).
 */
export function mergedContent<Input extends { privateContact: unknown }>(
  shown: unknown,
  input: Input,
  carried: (field: string) => boolean,
  schema: z.ZodType<Input>,
  kind: ContentDiff = EXPERIMENT_DIFF
): Omit<Input, 'privateContact'> {
  const { privateContact, ...posted } = input
  const merged = keepUncarried(shown, posted, carried, kind)
  const parsed = schema.safeParse({ ...merged, privateContact })
  if (!parsed.success) {
    throw new ProblemError(
      400,
      'Certaines données sont invalides.',
      fieldErrors(parsed.error.issues, 'json')
    )
  }
  const { privateContact: _contact, ...content } = parsed.data
  return content
}

/**
 * Applies a submitter's edit (validated `ExperimentInput`) to the record they hold the
 * link of: in place when pending (a record sent back for changes returns to the queue),
 * as a proposal holding only the changed fields when published.
 */
export async function submitEdit(
  db: Db,
  row: ExperimentRow,
  input: ExperimentInput,
  options: EditOptions = {},
  now = new Date()
): Promise<EditOutcome> {
  if (!isEditable(row)) throw closedToEdits(row)
  const { privateContact, ...posted } = input
  const at = now.toISOString()
  const contactChanged = JSON.stringify(privateContact) !== row.private_contact
  const contact = contactChanged ? [updatePrivateContact(db, row.id, privateContact)] : []
  const proposal = await getPendingProposalFor(db, row.id)
  const content = options.carried
    ? mergedContent(shownContent(row, proposal), input, options.carried, ExperimentInput)
    : posted
  const current: unknown = JSON.parse(row.data)
  const message = options.message?.trim() || null
  const changes = changeSet(current, content)

  if (changes.length === 0 && !(message && row.status === 'changes_requested')) {
    // Same public content: nothing to moderate, no revision; a waiting proposal stays.
    if (contact.length > 0) await db.batch(contact)
    return { outcome: 'unchanged' }
  }
  const refs = await loadReferences(db, content, row.id)

  if (DIRECT_EDIT.includes(row.status)) {
    const change: Change = { action: 'edit', actor: 'submitter', at }
    const write = {
      kind: 'content',
      id: row.id,
      readRevision: row.revision,
      content,
      change,
      // The owner's answer to a request for changes puts the record back in the queue.
      ...(row.status === 'changes_requested' ? { status: 'pending' as const } : {}),
    } as const
    await writeRecord(db, write, [...contact, ...ownerReply(db, row, message, at)], refs)
    return { outcome: 'applied', revision: row.revision + 1 }
  }
  const { derived, completeness: score } = derive(content, refs)

  const proposalId = ulid(now.getTime())
  await db.batch([
    ...proposeStatements(db, {
      id: proposalId,
      recordId: row.id,
      baseRevision: row.revision,
      content,
      changes,
      message,
      derived,
      completeness: score,
      at,
    }),
    ...contact,
  ])
  return { outcome: 'proposed', proposalId }
}

/** "Still accurate": a published record's `lastVerifiedAt` becomes now (new revision, indexed). */
export async function confirmStillAccurate(
  db: Db,
  row: RecordRow,
  now = new Date(),
  actor = 'submitter',
  kind: EditableKind = 'experiment'
): Promise<number> {
  if (row.status !== 'published' || row.deleted_at !== null) {
    throw new ProblemError(
      409,
      'Seule une fiche publiée peut être confirmée ; celle-ci attend encore la modération.'
    )
  }
  const change: Change = { action: 'verify', actor, at: now.toISOString() }
  await writeRecord(db, {
    kind: 'verify',
    id: row.id,
    readRevision: row.revision,
    change,
    record: kind,
  })
  return row.revision + 1
}
