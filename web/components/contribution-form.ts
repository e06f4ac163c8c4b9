/**
 * What every anonymous contribution form on a record (replication, feedback) is given:
 * the record it is about, where it posts, what was typed and what went wrong, the
 * territories a typed name may mean, and the Turnstile site key when configured.
 */
/**
 * The key of a failed anti-robot check among a form's errors: it belongs to no field, so
 * it is shown at the Turnstile widget and in the summary, which links there.
 */
export const ROBOT_CHECK = 'turnstile'
export type RobotCheck = typeof ROBOT_CHECK

export interface ContributionFormProps<Field extends string> {
  recordTitle: string
  recordPath: string
  action: string
  values: Partial<Record<Field, string>>
  errors: ReadonlyMap<Field | RobotCheck, string>
  /** Territories matching the typed name, when it named several. */
  choices: readonly { code: string; label: string }[] | null
  turnstileSiteKey: string | null
}
