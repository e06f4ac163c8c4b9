/**
 * What the shared owner-editing code (services/editing.ts) and the desk's decisions on
 * proposals (services/moderation/proposals.ts) need of each kind an owner edits through a
 * private link. Each kind declares its own next to its writer (records.ts, actors.ts,
 * events.ts), so neither shared module imports a kind's writer.
 */
import type { z } from '@hono/zod-openapi'
import type { Derived, Status } from '../domain/experiment'
import type { ContentDiff } from '../domain/revision-diff'
import type { EditableKind, RecordRow } from '../db/record-kinds'
import type { Change } from '../db/revisions'
import type { Db } from '../db/session'

/** An owner's change written in place by the kind's one writer. */
export interface ContentWrite<Content> {
  id: string
  readRevision: number
  content: Content
  change: Change
  /** Set when the change moves the record (an answer to a request for changes). */
  status?: Status
}

/**
 * What the shared editing code needs of each kind an owner edits through a private link
 * (experiments, actors, events): its diff, its stored content, its checks and its writer.
 * Declared next to each kind's writer; methods, so that every kind's is an `OwnerKind`.
 */
export interface OwnerKind<Content, Row extends RecordRow = RecordRow> {
  kind: EditableKind
  diff: ContentDiff
  /** What an approved proposal must still be: the kind's content schema. */
  schema: z.ZodType<Content>
  /** The stored content a change set applies to, as JSON (an event's with its restitution). */
  current(row: Row): string
  /** Derived fields and score of content proposed for record `id`; unknown references are refused now. */
  derive(db: Db, content: Content, id: string): Promise<{ derived: Derived; completeness: number }>
  write(db: Db, write: ContentWrite<Content>, extra: D1PreparedStatement[]): Promise<D1Result[]>
}
