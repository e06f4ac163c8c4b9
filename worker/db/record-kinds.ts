/**
 * The kinds of record that share the lifecycle (submission, moderation, revisions,
 * outbox): each one's tables. Table names in SQL come only from this constant, never
 * from input.
 */
export const RECORD_TABLES = {
  experiment: { table: 'experiments', revisions: 'experiment_revisions', key: 'experiment_id' },
  actor: { table: 'actors', revisions: 'actor_revisions', key: 'actor_id' },
} as const
export type RecordKind = keyof typeof RECORD_TABLES
