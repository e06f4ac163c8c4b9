/**
 * Territory statistics as CSV (one line per territory, France first), for spreadsheets:
 * the same figures as the JSON report, flattened to one column per count.
 */
import type { StatsReport } from '../domain/statistics'
import { EVIDENCE_LEVELS, STAGES, THEMES } from '../domain/vocabularies'
import { csvLine } from './csv'

export const STATS_CSV_DOC = `CSV : UTF-8 avec BOM (pour que les tableurs lisent les accents), séparateur virgule, point décimal, fins de ligne CRLF (RFC 4180). Une ligne par territoire, précédée de la ligne \`fr\` (France entière : toutes les fiches en France), de la ligne \`national\` (programmes nationaux, comptés en France mais dans aucune région ni aucun département) et de la ligne \`abroad\` (hors de France, comptées dans aucune autre ligne). Colonnes : \`code\`, \`nom\`, \`niveau\` (reg, dep, fr), \`population\`, \`communes\`, \`epci\`, \`collectivites\`, \`experimentations\`, \`pour_100000_habitants\`, \`pour_100_collectivites\`, \`budget_median_eur\`, \`budgets_connus\`, \`personnes_touchees\`, \`personnes_touchees_connues\`, puis le nombre d’expériences par thématique (\`theme_<code>\`, ${THEMES.length} colonnes), par étape (\`etape_<code>\`, ${STAGES.length} colonnes), par niveau de preuve (\`preuve_0\` à \`preuve_4\`) et par année de démarrage (\`annee_<aaaa>\`, une colonne par année présente dans la sélection, et \`annee_inconnue\` pour les fiches sans date de démarrage). Case vide : valeur inconnue ou sans objet.`

export function statsCsv(report: StatsReport): string {
  const years = [
    ...new Set([...report.national.startYears, ...report.abroad.startYears].map((y) => y.year)),
  ].sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
  const header = [
    'code',
    'nom',
    'niveau',
    'population',
    'communes',
    'epci',
    'collectivites',
    'experimentations',
    'pour_100000_habitants',
    'pour_100_collectivites',
    'budget_median_eur',
    'budgets_connus',
    'personnes_touchees',
    'personnes_touchees_connues',
    ...THEMES.map((t) => `theme_${t.code}`),
    ...STAGES.map((s) => `etape_${s.code}`),
    ...EVIDENCE_LEVELS.map((e) => `preuve_${e.code}`),
    ...years.map((y) => `annee_${y ?? 'inconnue'}`),
  ]
  const lines = [report.national, report.nationalScope, report.abroad, ...report.territories].map(
    (t) => [
      t.code,
      t.name,
      t.kind,
      t.population,
      t.communes,
      t.epci,
      t.collectivites,
      t.experiments,
      t.per100kInhabitants,
      t.per100Collectivites,
      t.budget.medianEur,
      t.budget.known,
      t.peopleReached.total,
      t.peopleReached.known,
      ...t.themes.map((b) => b.count),
      ...t.stages.map((b) => b.count),
      ...t.evidenceLevels.map((b) => b.count),
      ...years.map((y) => t.startYears.find((s) => s.year === y)?.count ?? 0),
    ]
  )
  const text = (v: string | number | null) => (v === null ? '' : String(v))
  return '\uFEFF' + [header, ...lines].map((l) => csvLine(l.map(text))).join('')
}
