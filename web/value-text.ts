/**
 * A stored value as plain text for a reader: lists joined, rows as `label : value` pairs
 * (diff tables), numbers in the reader's format (« 92 000 », not « 92000 »), amounts in
 * euros, and codes as their labels: given the field it comes from, a value never shows as
 * a raw code (« Déploiement », not « rollout »; « Financeur : État », not « type : state »).
 */
import {
  ACTOR_KINDS,
  ACTOR_PROGRAMMES,
  LMN_PUBLICS,
  LMN_SERVICES,
  LMN_TYPOLOGIES,
} from '../worker/domain/actor-vocabularies'
import { countryOf } from '../worker/domain/countries'
import {
  EVENT_ACCESS,
  EVENT_ATTENDANCE,
  EVENT_EXPERIMENT_RELATIONS,
  EVENT_KINDS,
  EVENT_PRICES,
  FRENCH_TIME_ZONES,
} from '../worker/domain/event-vocabularies'
import { ITEM_FIELD_LABELS } from '../worker/domain/field-labels'
import {
  ALL_THEMES,
  EVIDENCE_LEVELS,
  FUNDING_TYPES,
  LEAD_KINDS,
  LICENCES,
  OUTCOMES,
  PROGRAMMES,
  PUBLICS,
  RECORD_LANGUAGES,
  SCOPES,
  STAGES,
  type Term,
} from '../worker/domain/vocabularies'
import { HORIZONS, SKILL_FAMILIES, SKILLS } from '../worker/domain/skills'
import { LOCALE, type Lang } from './i18n/lang'

/** The vocabulary of each coded field (diff paths, and `list/member` for list items). */
const VOCABULARIES: Readonly<Record<string, readonly Term[]>> = {
  language: RECORD_LANGUAGES,
  licence: LICENCES,
  'lead.kind': LEAD_KINDS,
  scope: SCOPES,
  themes: ALL_THEMES,
  publics: PUBLICS,
  // Experiments' programmes, then the actors' labels (the shared codes read the same).
  programmes: [...PROGRAMMES, ...ACTOR_PROGRAMMES],
  stage: STAGES,
  outcome: OUTCOMES,
  evidenceLevel: EVIDENCE_LEVELS,
  'means.fundingSources/type': FUNDING_TYPES,
  // Actors' kinds and events' kinds (their codes are distinct).
  kind: [...ACTOR_KINDS, ...EVENT_KINDS],
  'mediation.typologies': LMN_TYPOLOGIES,
  'mediation.services': LMN_SERVICES,
  'mediation.publics': LMN_PUBLICS,
  'offers/skill': [...SKILLS, ...SKILL_FAMILIES],
  'needs/skill': [...SKILLS, ...SKILL_FAMILIES],
  'offers/horizon': HORIZONS,
  timeZone: FRENCH_TIME_ZONES,
  attendance: EVENT_ATTENDANCE,
  audiences: PUBLICS,
  price: EVENT_PRICES,
  access: EVENT_ACCESS,
  'restitution.publics': PUBLICS,
  'restitution.experiments/relation': EVENT_EXPERIMENT_RELATIONS,
  'needs/horizon': HORIZONS,
}

/** Amounts in euros whose label does not say so already (« Budget total (€) » does). */
const EUROS = new Set(['means.fundingSources/amountEur'])

export function valueText(value: unknown, lang: Lang, field = ''): string {
  if (value === undefined || value === null || value === '') return ''
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang, field)).join(' ; ')
  if (typeof value === 'object') {
    const labels = ITEM_FIELD_LABELS[field] ?? {}
    return Object.entries(value)
      .map(([k, v]) => `${labels[k]?.[lang] ?? k} : ${valueText(v, lang, `${field}/${k}`)}`)
      .join(', ')
  }
  const vocabulary = VOCABULARIES[field]
  if (vocabulary) {
    const term = vocabulary.find((t) => t.code === String(value))
    if (term) return term[lang]
  }
  if (field === 'abroad.country' && typeof value === 'string')
    return countryOf(value)?.[lang] ?? value
  if (typeof value === 'number') {
    return EUROS.has(field)
      ? new Intl.NumberFormat(LOCALE[lang], {
          style: 'currency',
          currency: 'EUR',
          maximumFractionDigits: 0,
        }).format(value)
      : value.toLocaleString(LOCALE[lang])
  }
  return String(value)
}
