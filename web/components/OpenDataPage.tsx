/**
 * `/donnees`: what a reuser looks for — every export with the current search's filters,
 * the schemas, the DCAT catalogue, the feeds, the API, the licence and how to cite.
 */
import type { SearchQuery } from '../../worker/domain/search'
import { FACETS } from '../../worker/domain/search'
import { BUDGET_BANDS } from '../../worker/domain/funding'
import { DENSITY_CLASSES, POPULATION_BANDS } from '../../worker/domain/territory-size'
import type { Term } from '../../worker/domain/vocabularies'
import { embedTitle, selectionLabels } from '../filter-labels'
import { SEARCH_PARAMETERS } from '../embed-query'
import { AGENDA_PATHS } from '../agenda-query'
import { useT } from '../i18n'
import { EmbedCode } from './EmbedCode'
import {
  EXPORT_FORMATS,
  exportHref,
  feedHref,
  filesIgnore,
  FORMAT_NAMES,
  LICENCE_URL,
  OPEN_DATA_PATHS,
} from '../open-data-links'

export interface OpenDataPageProps {
  /** The search the reader came from (empty: the whole catalogue). */
  query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>
  /** Display names of région and département codes (`reg:53` → Bretagne). */
  names: ReadonlyMap<string, string>
  /** Absolute base of the site, for the citation. */
  base: string
  /** Today's date in the reader's language, for the citation. */
  today: string
}

export function OpenDataPage({ query, names, base, today }: OpenDataPageProps) {
  const t = useT()
  const d = t.openData
  const active = [
    ...FACETS.flatMap((facet) =>
      selectionLabels(t, names, facet, query.filters[facet] ?? []).map((s) => s.label)
    ),
    ...(query.toVerify ? [t.home.toVerifyFilter] : []),
  ]
  const filtered = active.length > 0 || query.q !== ''
  const ignored = filesIgnore(query)
  return (
    <div class="open-data">
      <h1>{d.title}</h1>
      <p class="lead">{d.lead}</p>

      {filtered && (
        <div class="notice">
          <p>{d.filtered}</p>
          <ul class="tags">
            {query.q && <li>{d.feedText(query.q)}</li>}
            {active.map((label) => (
              <li>{label}</li>
            ))}
          </ul>
          {ignored.text && <p>{d.notInFiles(d.textSearch(query.q))}</p>}
          {ignored.year && <p>{d.notInFiles(d.startYear)}</p>}
          <p>
            <a href="/donnees">{d.wholeCatalogue}</a>
          </p>
        </div>
      )}

      <section aria-labelledby="fichiers">
        <h2 id="fichiers">{d.filesTitle}</h2>
        <p>{d.filesLead}</p>
        <dl class="open-data-list">
          {EXPORT_FORMATS.map((format) => (
            <Entry
              href={exportHref(format, query)}
              label={d.download(FORMAT_NAMES[format])}
              help={d.formats[format]}
              download
            />
          ))}
        </dl>
      </section>

      <section aria-labelledby="schemas">
        <h2 id="schemas">{d.schemasTitle}</h2>
        <dl class="open-data-list">
          <Entry
            href={OPEN_DATA_PATHS.tableSchema}
            label={d.tableSchema}
            help={d.tableSchemaHelp}
          />
          <Entry href={OPEN_DATA_PATHS.jsonSchema} label={d.jsonSchema} help={d.jsonSchemaHelp} />
        </dl>
      </section>

      <section aria-labelledby="definitions">
        <h2 id="definitions">{d.definitionsTitle}</h2>
        <h3 id="tranches-de-budget">{d.budgetBandsTitle}</h3>
        <p>{d.budgetBandsLead}</p>
        <FilterValues terms={BUDGET_BANDS} param="budget" />
        <h3 id="taille-des-territoires">{d.territorySizeTitle}</h3>
        <p>{d.territorySizeLead}</p>
        <FilterValues terms={POPULATION_BANDS} param="size" />
        <FilterValues terms={DENSITY_CLASSES} param="density" />
        <h3 id="cout-par-personne">{d.costTitle}</h3>
        <p>{d.costText}</p>
        <h3 id="a-verifier">{d.toVerifyTitle}</h3>
        <p>{d.toVerifyText}</p>
      </section>

      <section aria-labelledby="dcat">
        <h2 id="dcat">{d.dcatTitle}</h2>
        <p>
          <a href={OPEN_DATA_PATHS.dcat}>{d.dcat}</a> — {d.dcatHelp}
        </p>
      </section>

      <section aria-labelledby="flux">
        <h2 id="flux">{d.feedsTitle}</h2>
        <ul>
          <li>
            <a href={OPEN_DATA_PATHS.feed} type="application/atom+xml">
              {d.feedAll}
            </a>
          </li>
          {filtered && (
            <li>
              <a href={feedHref(query)} type="application/atom+xml">
                {d.feedFiltered}
              </a>
            </li>
          )}
        </ul>
        <p>{d.feedsHelp}</p>
      </section>

      <EventData />

      <section aria-labelledby="api">
        <h2 id="api">{d.apiTitle}</h2>
        <ul>
          <li>
            <a href={OPEN_DATA_PATHS.apiDocs}>{d.apiDocs}</a> — {d.apiDocsHelp}
          </li>
          <li>
            <a href={OPEN_DATA_PATHS.openApi}>{d.openApi}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="integrer">
        <h2 id="integrer">{t.embed.data.title}</h2>
        <p>{t.embed.data.lead}</p>
        <p>{t.embed.data.params(SEARCH_PARAMETERS.join(', '))}</p>
        <EmbedCode
          params={{ query: { ...query, sort: 'relevance' }, territory: null }}
          title={embedTitle(t, names, query)}
          base={base}
        />
      </section>

      <section aria-labelledby="licence">
        <h2 id="licence">{d.licenceTitle}</h2>
        <p>{d.licence}</p>
        <p>
          <a href={LICENCE_URL} rel="license noopener">
            {d.licenceLink}
          </a>
        </p>
      </section>

      <section aria-labelledby="citer">
        <h2 id="citer">{d.citeTitle}</h2>
        <p>{d.citeLead}</p>
        <blockquote class="citation">
          <p>{d.citation(t.siteName, base, today)}</p>
        </blockquote>
        <p>{d.citeRecord}</p>
      </section>
    </div>
  )
}

/** The agenda's files, calendar and feed: the whole agenda, or a query from /evenements. */
function EventData() {
  const e = useT().agenda.openData
  return (
    <section aria-labelledby="evenements">
      <h2 id="evenements">{e.title}</h2>
      <p>{e.lead}</p>
      <dl class="open-data-list">
        <Entry href={AGENDA_PATHS.csv} label={e.csv} help={e.csvHelp} download />
        <Entry href={AGENDA_PATHS.json} label={e.json} help={e.jsonHelp} download />
        <Entry href={AGENDA_PATHS.geojson} label={e.geojson} help={e.geojsonHelp} download />
        <Entry href={AGENDA_PATHS.icsExport} label={e.icsExport} help={e.icsExportHelp} download />
        <Entry href={AGENDA_PATHS.ics} label={e.ics} help={e.icsHelp} />
        <Entry href={AGENDA_PATHS.atom} label={e.atom} help={e.atomHelp} />
        <Entry href={AGENDA_PATHS.tableSchema} label={e.tableSchema} help={e.tableSchemaHelp} />
      </dl>
    </section>
  )
}

/** One link of the page with what it gives. */
function Entry(props: { href: string; label: string; help: string; download?: boolean }) {
  return (
    <div>
      <dt>
        <a href={props.href} download={props.download}>
          {props.label}
        </a>
      </dt>
      <dd>{props.help}</dd>
    </div>
  )
}

/** The values of a filter with bands or classes, as labels and as URL parameters. */
function FilterValues({ terms, param }: { terms: readonly Term[]; param: string }) {
  const t = useT()
  return (
    <ul>
      {terms.map((term) => (
        <li>
          {term[t.lang]} (<code>{`${param}=${term.code}`}</code>)
        </li>
      ))}
    </ul>
  )
}
