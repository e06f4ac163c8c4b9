/**
 * Owners editing through the private edit link (capability URL, perf-security.md §4.5),
 * for every kind an owner edits (experiments, actors, events, each described once by its
 * `OwnerKind`): proposed revisions and the "still accurate" confirmation. Moderators'
 * decisions on proposals live in services/moderation/proposals.ts.
 *
 * - The edit token (32 CSPRNG bytes, only its SHA-256 stored, expiring, replaced when a
 *   moderator re-issues it) is exchanged for a short-lived session bound to the record
 *   and to that token, presented as a bearer token to the JSON API, or (an event's
 *   `/evenements/prive/{token}`, as sent by e-mail) checked and renewed on each request.
 * - A pending record (or one a moderator sent back for changes) is edited in place: new
 *   revision, same status. A published one gets a proposal; the published version stays
 *   online until a moderator approves, which applies the content through the shared
 *   update primitive (revision + outbox rows + audit row in one batch).
 * - The private contact is the submitter's own and never published: it is updated at
 *   once, whatever the status, and never enters a revision or a proposal.
 */
import { z } from '@hono/zod-openapi'
import { changeSet, keepUncarried, proposalOutcome } from '../domain/change-set'
import { EXPERIMENT_DIFF, type ContentDiff } from '../domain/revision-diff'
import type { EditableRecord } from '../domain/editing'
import type { PrivateContact, Status } from '../domain/experiment'
import {
  closeEditSession,
  findByEditTokenHash,
  findEditSession,
  openEditSessionStatements,
  renewEditTokenStatement,
  updatePrivateContact,
} from '../db/edit-access'
import { getExperiment, type ExperimentRow } from '../db/experiments'
import { insertOwnerReply, latestOwnerReply } from '../db/owner-replies'
import { getPendingProposalFor, latestRejectedProposal, proposeStatements } from '../db/proposals'
import type { EditableKind, RecordRow } from '../db/record-kinds'
import { latestDecision, type Change } from '../db/revisions'
import { wroteRow, type Db } from '../db/session'
import { fieldErrors, ProblemError } from '../http/problem'
import { secretToken, sha256Bytes, sha256Hex, ulid } from '../lib/crypto'
import { editTokenExpiry } from './submission'
import type { OwnerKind } from './owner-kind'
import { writeRecord } from './records'

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

/** The record of `kind` a valid, unexpired edit token opens, with the token's hash. */
async function recordOfToken<Row extends RecordRow>(
  db: Db,
  token: string,
  at: string,
  kind: EditableKind
): Promise<{ row: Row; hash: string }> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink()
  const hash = await sha256Hex(token)
  const row = await findByEditTokenHash<Row>(db, hash, kind)
  if (!row || !(await sameHash(hash, row.edit_token_hash)) || row.edit_token_expires_at <= at) {
    throw invalidLink()
  }
  if (!isViewable(row)) throw closedToEdits(row)
  return { row, hash }
}

/** Exchanges a valid edit token of a record of `kind` for a session (and renews the token's expiry). */
export async function openEditSession(
  db: Db,
  token: string,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<EditSession> {
  const at = now.toISOString()
  const { row, hash } = await recordOfToken(db, token, at, kind)
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

/**
 * The record a private link opens when the link itself is the page's address (an event's
 * `/evenements/prive/{token}`, as sent by e-mail): checked like a session's opening, and
 * renewed, since a used link stays alive. 404 when invalid or expired, 409 when removed.
 */
export async function openEditLink<Row extends RecordRow>(
  db: Db,
  token: string,
  now = new Date(),
  kind: EditableKind
): Promise<Row> {
  const at = now.toISOString()
  const { row, hash } = await recordOfToken<Row>(db, token, at, kind)
  await renewEditTokenStatement(db, row.id, hash, editTokenExpiry(now), at, kind).run()
  return row
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

/** What the owner's private page shows and edits, whatever the kind. */
export interface OwnerView<Content> extends Omit<EditableRecord, 'id' | 'input'> {
  id: string
  /** The content to edit (the waiting proposal if any), private contact included. */
  input: Content & { privateContact: PrivateContact }
}

/** The content the owner's form starts from: the waiting proposal applied, else the record. */
export async function shownContent<Content, Row extends RecordRow>(
  db: Db,
  spec: OwnerKind<Content, Row>,
  row: Row
) {
  const proposal = await getPendingProposalFor(db, row.id, spec.kind)
  const current = spec.current(row)
  const content = (
    proposal ? proposalOutcome(current, proposal, spec.diff).content : JSON.parse(current)
  ) as Content
  return { proposal, content }
}

export async function editableRecord<Content, Row extends RecordRow>(
  db: Db,
  spec: OwnerKind<Content, Row>,
  row: Row
): Promise<OwnerView<Content>> {
  const [{ proposal, content }, decision, rejectedProposal, reply] = await Promise.all([
    shownContent(db, spec, row),
    latestDecision(db, row.id, spec.kind),
    latestRejectedProposal(db, row.id, spec.kind),
    latestOwnerReply(db, row.id, spec.kind),
  ])
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
 * Applies an owner's edit to the record they hold the link of: `next` makes the new
 * content from the one their form showed. In place when pending (a record sent back for
 * changes returns to the queue, with the owner's answer), as a proposal holding only the
 * changed fields when published. The private contact, if given, changes at once and never
 * enters a revision or a proposal.
 */
export async function submitEdit<Content, Row extends RecordRow>(
  db: Db,
  spec: OwnerKind<Content, Row>,
  row: Row,
  next: (shown: Content) => Content,
  options: { message?: string | undefined; privateContact?: PrivateContact } = {},
  now = new Date()
): Promise<EditOutcome> {
  if (!isEditable(row)) throw closedToEdits(row)
  const at = now.toISOString()
  const contact =
    options.privateContact !== undefined &&
    JSON.stringify(options.privateContact) !== row.private_contact
      ? [updatePrivateContact(db, row.id, options.privateContact, spec.kind)]
      : []
  const { content: shown } = await shownContent(db, spec, row)
  const content = next(shown)
  const changes = changeSet(JSON.parse(spec.current(row)), content, spec.diff)
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
      ? [insertOwnerReply(db, row.id, row.revision + 1, message, at, spec.kind)]
      : []
    await spec.write(
      db,
      {
        id: row.id,
        readRevision: row.revision,
        content,
        change,
        // The owner's answer to a request for changes puts the record back in the queue.
        ...(row.status === 'changes_requested' ? { status: 'pending' as const } : {}),
      },
      [...contact, ...reply]
    )
    return { outcome: 'applied', revision: row.revision + 1 }
  }
  const { derived, completeness } = await spec.derive(db, content, row.id)
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
        derived,
        completeness,
        at,
      },
      spec.kind
    ),
    ...contact,
  ])
  return { outcome: 'proposed', proposalId }
}

/**
 * An edit posted with the kind's whole input (private contact included), by a form that
 * carried `options.carried` of its fields or by the JSON API (the content replaced).
 */
export function submitInputEdit<
  Content,
  Row extends RecordRow,
  Input extends Content & { privateContact: PrivateContact },
>(
  db: Db,
  spec: OwnerKind<Content, Row>,
  inputSchema: z.ZodType<Input>,
  row: Row,
  input: Input,
  options: EditOptions = {},
  now = new Date()
): Promise<EditOutcome> {
  const { privateContact, ...posted } = input
  const next = (shown: Content): Content =>
    options.carried
      ? (mergedContent(shown, input, options.carried, inputSchema, spec.diff) as Content)
      : (posted as Content)
  return submitEdit(db, spec, row, next, { message: options.message, privateContact }, now)
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
