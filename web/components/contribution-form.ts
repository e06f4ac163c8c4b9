/**
 * What every anonymous contribution form on a record (replication, feedback) is given:
 * the record it is about, where it posts, what was typed and what went wrong, the
 * territories a typed name may mean, and the Turnstile site key when configured.
 */
export interface ContributionFormProps<Field extends string> {
  recordTitle: string
  recordPath: string
  action: string
  values: Partial<Record<Field, string>>
  errors: ReadonlyMap<Field, string>
  /** Territories matching the typed name, when it named several. */
  choices: readonly { code: string; label: string }[] | null
  turnstileSiteKey: string | null
}
