/**
 * Text of « la parole recueillie » (`/parole-recueillie`): what debates produced, per
 * theme and per territory, its search and its exports.
 */
import { countOf } from './plural'

export const paroleFr = {
  title: 'La parole recueillie',
  titleOf: (scope: string) => `La parole recueillie : ${scope}`,
  description:
    'Les idées, propositions et désaccords exprimés lors des débats et rencontres du numérique local, tels que leurs organisateurs les ont restitués.',
  descriptionOf: (scope: string) =>
    `${scope} : les idées, propositions et désaccords exprimés lors des débats et rencontres du numérique local, tels que leurs organisateurs les ont restitués.`,
  intro:
    'Ce qui est sorti des débats citoyens, ateliers et rencontres : les idées, les propositions et les désaccords, tels que les organisateurs les ont restitués après l’événement. Les plus récents d’abord.',
  byTheme: 'Par thématique',
  allThemes: 'Toutes les thématiques',
  allScopes: 'Toute la parole recueillie',
  search: 'Rechercher dans la parole recueillie',
  searchHelp: 'Un mot, une idée : les événements dont la restitution contient tous ces mots.',
  submit: 'Rechercher',
  count: (n: number) => countOf('fr', n, 'événement restitué', 'événements restitués'),
  none: 'Aucune restitution ne correspond pour l’instant.',
  noneHelp: 'Les organisateurs ajoutent ce qui est sorti de leur événement par leur lien privé.',
  summary: 'En quelques lignes',
  ideas: 'Idées',
  proposals: 'Propositions',
  disagreements: 'Désaccords',
  participants: (n: number) => countOf('fr', n, 'participant', 'participants'),
  online: 'En ligne',
  previous: 'Page précédente',
  next: 'Page suivante',
  pageOf: (page: number, pages: number) => `Page ${page} sur ${pages}`,
  exports: 'Télécharger ces idées',
  exportsHelp:
    'Une ligne par idée, proposition ou désaccord, avec son événement (Licence Ouverte).',
  agendaLink: 'Voir l’agenda des événements',
  territoryLink: (name: string) => `La parole recueillie dans ce territoire : ${name}`,
  paroleLink: 'La parole recueillie : ce qui est sorti des débats',
  kinds: { idea: 'Idée', proposal: 'Proposition', disagreement: 'Désaccord' },
}

export const paroleEn: typeof paroleFr = {
  title: 'What people said',
  titleOf: (scope: string) => `What people said: ${scope}`,
  description:
    'Ideas, proposals and disagreements voiced at debates and meetings on local digital matters, as their organisers reported them.',
  descriptionOf: (scope: string) =>
    `${scope}: ideas, proposals and disagreements voiced at debates and meetings on local digital matters, as their organisers reported them.`,
  intro:
    'What came out of citizen debates, workshops and meetings: ideas, proposals and disagreements, as the organisers reported them after the event. Most recent first.',
  byTheme: 'By theme',
  allThemes: 'All themes',
  allScopes: 'Everything people said',
  search: 'Search what people said',
  searchHelp: 'A word, an idea: the events whose report holds all these words.',
  submit: 'Search',
  count: (n: number) => countOf('en', n, 'reported event', 'reported events'),
  none: 'No report matches yet.',
  noneHelp: 'Organisers add what came out of their event through their private link.',
  summary: 'In a few lines',
  ideas: 'Ideas',
  proposals: 'Proposals',
  disagreements: 'Disagreements',
  participants: (n: number) => countOf('en', n, 'participant', 'participants'),
  online: 'Online',
  previous: 'Previous page',
  next: 'Next page',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  exports: 'Download these ideas',
  exportsHelp: 'One row per idea, proposal or disagreement, with its event (Licence Ouverte).',
  agendaLink: 'See the events calendar',
  territoryLink: (name: string) => `What people said in this area: ${name}`,
  paroleLink: 'What people said: what came out of the debates',
  kinds: { idea: 'Idea', proposal: 'Proposal', disagreement: 'Disagreement' },
}
