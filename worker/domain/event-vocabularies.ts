/**
 * Controlled vocabularies of the event record (débats, ateliers, forums… and what came out
 * of them). Same shape as the other vocabularies (`{ code, fr, en }`, codes stored, labels
 * read). Kinds follow what the seeds name (débats citoyens, ateliers, forums, visites de
 * lieux) and what agendas of the network list (network-peers.md, events).
 */
import type { Term } from './vocabularies'

export const EVENT_KINDS = [
  { code: 'debat', fr: 'Débat citoyen', en: 'Citizen debate' },
  { code: 'atelier', fr: 'Atelier', en: 'Workshop' },
  { code: 'conference', fr: 'Conférence', en: 'Talk or conference' },
  { code: 'forum', fr: 'Forum ou salon', en: 'Forum or fair' },
  { code: 'formation', fr: 'Formation', en: 'Training' },
  { code: 'visite', fr: 'Visite de lieu', en: 'Site visit' },
  { code: 'hackathon', fr: 'Hackathon', en: 'Hackathon' },
  { code: 'rencontre', fr: 'Rencontre du réseau', en: 'Network meet-up' },
  { code: 'webinaire', fr: 'Webinaire', en: 'Webinar' },
] as const satisfies readonly Term[]
export type EventKind = (typeof EVENT_KINDS)[number]['code']

/** Where it happens: a place, online, or both. */
export const EVENT_ATTENDANCE = [
  { code: 'on-site', fr: 'Sur place', en: 'On site' },
  { code: 'online', fr: 'En ligne', en: 'Online' },
  { code: 'hybrid', fr: 'Sur place et en ligne', en: 'On site and online' },
] as const satisfies readonly Term[]
export type EventAttendance = (typeof EVENT_ATTENDANCE)[number]['code']

export const EVENT_PRICES = [
  { code: 'free', fr: 'Gratuit', en: 'Free' },
  { code: 'paid', fr: 'Payant', en: 'Paid' },
] as const satisfies readonly Term[]

/** Access facts a participant checks before coming (what agendas such as OpenAgenda ask). */
export const EVENT_ACCESS = [
  { code: 'step-free', fr: 'Accessible en fauteuil roulant', en: 'Wheelchair accessible' },
  { code: 'hearing-loop', fr: 'Boucle magnétique', en: 'Hearing loop' },
  { code: 'sign-language', fr: 'Interprétation en LSF', en: 'French Sign Language interpreting' },
  { code: 'easy-read', fr: 'Supports en FALC', en: 'Easy-read materials' },
  { code: 'captions', fr: 'Sous-titrage en direct', en: 'Live captions' },
] as const satisfies readonly Term[]

/** How an experiment relates to an event, in its restitution. */
export const EVENT_EXPERIMENT_RELATIONS = [
  { code: 'presented', fr: 'Présentée lors de l’événement', en: 'Presented at the event' },
  { code: 'inspired', fr: 'Inspirée par l’événement', en: 'Inspired by the event' },
] as const satisfies readonly Term[]

/**
 * Time zones of French territories (IANA names). An event's times are wall-clock times of
 * its place; the zone is derived from its commune (overseas included) and can be chosen for
 * an online event.
 */
export const FRENCH_TIME_ZONES = [
  {
    code: 'Europe/Paris',
    fr: 'France métropolitaine et Corse',
    en: 'Metropolitan France and Corsica',
  },
  { code: 'America/Guadeloupe', fr: 'Guadeloupe', en: 'Guadeloupe' },
  { code: 'America/Martinique', fr: 'Martinique', en: 'Martinique' },
  { code: 'America/Cayenne', fr: 'Guyane', en: 'French Guiana' },
  { code: 'Indian/Reunion', fr: 'La Réunion', en: 'Réunion' },
  { code: 'Indian/Mayotte', fr: 'Mayotte', en: 'Mayotte' },
  { code: 'America/Miquelon', fr: 'Saint-Pierre-et-Miquelon', en: 'Saint Pierre and Miquelon' },
  { code: 'America/St_Barthelemy', fr: 'Saint-Barthélemy', en: 'Saint Barthélemy' },
  { code: 'America/Marigot', fr: 'Saint-Martin', en: 'Saint Martin' },
  { code: 'Pacific/Wallis', fr: 'Wallis-et-Futuna', en: 'Wallis and Futuna' },
  { code: 'Pacific/Tahiti', fr: 'Polynésie française (Tahiti)', en: 'French Polynesia (Tahiti)' },
  { code: 'Pacific/Noumea', fr: 'Nouvelle-Calédonie', en: 'New Caledonia' },
] as const satisfies readonly Term[]
export type FrenchTimeZone = (typeof FRENCH_TIME_ZONES)[number]['code']

/** The INSEE prefix of overseas communes → their zone; every other commune is Europe/Paris. */
const OVERSEAS_ZONES: Readonly<Record<string, FrenchTimeZone>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
}

/** The time zone of a commune (INSEE code, with or without its `com:` prefix). */
export function timeZoneOfCommune(code: string): FrenchTimeZone {
  const insee = code.startsWith('com:') ? code.slice(4) : code
  return OVERSEAS_ZONES[insee.slice(0, 3)] ?? 'Europe/Paris'
}
