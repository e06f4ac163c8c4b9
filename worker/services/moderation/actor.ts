/** Who takes a moderation decision: recorded as `moderator:<name>` in revisions and the audit log. */
export interface ModeratorActor {
  name: string
  via: 'api' | 'desk'
  ipHash?: string | null | undefined
}

/** The API passes the moderator's name; the desk passes its actor (with the IP hash). */
export type ModeratorRef =
  string | { name: string; via?: string; ipHash?: string | null | undefined }

export const moderatorName = (m: ModeratorRef) => (typeof m === 'string' ? m : m.name)
export const moderatorIp = (m: ModeratorRef) => (typeof m === 'string' ? null : (m.ipHash ?? null))
