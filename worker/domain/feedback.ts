/**
 * Feedback (« retour d'expérience ») on a published practice: who answers (role,
 * territory), what they tried, what worked, what did not, whether they would recommend it,
 * and short arguments for and against. Pre-moderated; a published one that readers report
 * goes back to the desk. Vocabularies after network-peers.md §4.1.
 */
import { z } from '@hono/zod-openapi'
import { ActorRef } from './experiment'
import { TerritoryCode } from './territory'
import { cleanText } from './text'
import { codesOf, type Term } from './vocabularies'

export const FEEDBACK_ROLES = [
  { code: 'lead', fr: 'Porteur du projet', en: 'Project lead' },
  { code: 'adopter', fr: 'A reproduit la pratique', en: 'Reproduced the practice' },
  { code: 'partner', fr: 'Partenaire', en: 'Partner' },
  { code: 'user', fr: 'Usager ou bénéficiaire', en: 'User or beneficiary' },
  { code: 'observer', fr: 'Observateur', en: 'Observer' },
] as const satisfies readonly Term[]

export const RECOMMEND_LEVELS = [
  { code: 'yes', fr: 'Oui, sans réserve', en: 'Yes, without reservation' },
  { code: 'rather-yes', fr: 'Plutôt oui', en: 'Rather yes' },
  { code: 'rather-no', fr: 'Plutôt non', en: 'Rather not' },
  { code: 'no', fr: 'Non', en: 'No' },
] as const satisfies readonly Term[]

export const FEEDBACK_TEXT_MAX = 2000
export const ARGUMENT_MAX = 200
export const ARGUMENTS_MAX = 5

const Arguments = z.array(cleanText(ARGUMENT_MAX).min(2)).max(ARGUMENTS_MAX).default([])

export const FeedbackInput = z
  .strictObject({
    role: z.enum(codesOf(FEEDBACK_ROLES)),
    territory: TerritoryCode.optional(),
    actorId: ActorRef.optional().openapi({
      description:
        'La structure du réseau au nom de laquelle le retour est donné (publiée) ; sur la pratique d’une autre, il compte parmi ses relectures',
    }),
    authorName: cleanText(200).min(2, 'Indiquez comment signer votre retour.'),
    tried: cleanText(FEEDBACK_TEXT_MAX).min(10, 'Dites en quelques mots ce que vous avez essayé.'),
    worked: cleanText(FEEDBACK_TEXT_MAX).default(''),
    didNotWork: cleanText(FEEDBACK_TEXT_MAX).default(''),
    recommend: z.enum(codesOf(RECOMMEND_LEVELS)),
    argumentsFor: Arguments,
    argumentsAgainst: Arguments,
  })
  .openapi('FeedbackInput')
export type FeedbackInput = z.infer<typeof FeedbackInput>

export const Feedback = z
  .object({
    id: z.string(),
    experimentId: z.string(),
    role: z.enum(codesOf(FEEDBACK_ROLES)),
    territory: z.object({ code: z.string(), name: z.string() }).nullable(),
    actor: z
      .object({ id: z.string(), slug: z.string(), name: z.string() })
      .nullable()
      .openapi({
        description: 'La structure du réseau au nom de laquelle il est donné, si publiée',
      }),
    authorName: z.string(),
    tried: z.string(),
    worked: z.string(),
    didNotWork: z.string(),
    recommend: z.enum(codesOf(RECOMMEND_LEVELS)),
    argumentsFor: z.array(z.string()),
    argumentsAgainst: z.array(z.string()),
    publishedAt: z.string().nullable(),
  })
  .openapi('Feedback')
export type Feedback = z.infer<typeof Feedback>

export const ModeratedFeedback = Feedback.extend({
  status: z.enum(['pending', 'published', 'rejected']),
  reports: z.number().int(),
  createdAt: z.string(),
  experimentTitle: z.string(),
  experimentSlug: z.string(),
}).openapi('ModeratedFeedback')
export type ModeratedFeedback = z.infer<typeof ModeratedFeedback>

/** How many published answers chose each level. */
export function recommendCounts(items: readonly Pick<Feedback, 'recommend'>[]) {
  return RECOMMEND_LEVELS.map((l) => ({
    code: l.code,
    count: items.filter((f) => f.recommend === l.code).length,
  }))
}

/** The levels that count as « would recommend » in the short summary. */
const RECOMMENDING = new Set<string>(['yes', 'rather-yes'])

/**
 * The figures shown above the answers: how many would recommend the practice or not
 * (« plutôt » counts with its side), and how many arguments were given for and against.
 */
export function feedbackSummary(
  items: readonly Pick<Feedback, 'recommend' | 'argumentsFor' | 'argumentsAgainst'>[]
) {
  const yes = items.filter((f) => RECOMMENDING.has(f.recommend)).length
  return {
    recommend: recommendCounts(items),
    wouldRecommend: yes,
    wouldNot: items.length - yes,
    argumentsFor: items.reduce((n, f) => n + f.argumentsFor.length, 0),
    argumentsAgainst: items.reduce((n, f) => n + f.argumentsAgainst.length, 0),
  }
}
