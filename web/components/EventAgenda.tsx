/**
 * `/evenements`: upcoming or past events by day, with filters in a plain GET form (the URL
 * carries the whole query, no JavaScript needed), the map of the same events, and the
 * subscriptions to that very query (iCalendar, Atom) and its downloads.
 */
import type { Event } from '../../worker/domain/event'
import { EVENT_ATTENDANCE, EVENT_KINDS } from '../../worker/domain/event-vocabularies'
import { ALL_THEMES, labelOf, TOP_THEME_CODES, type Term } from '../../worker/domain/vocabularies'
import { AGENDA_ATTENDANCE, AGENDA_TABS } from '../../worker/domain/agenda'
import { AGENDA_PATHS, agendaFileHref, agendaHref, type AgendaQuery } from '../agenda-query'
import { FORMAT_NAMES } from '../open-data-links'
import { useT } from '../i18n'
import { recordPins, departmentPins, RECORD_PINS_MAX } from '../map/pins'
import { mapShapes } from '../map/shapes'
import { EventDays, eventHref } from './EventList'
import { countsOnEveryArea, FranceMap, type MapPin } from './FranceMap'

const TOP_THEMES: readonly Term[] = ALL_THEMES.filter((t) =>
  (TOP_THEME_CODES as readonly string[]).includes(t.code)
)

function Select(props: {
  name: string
  label: string
  any: string
  options: readonly { value: string; label: string }[]
  groups?: readonly { label: string; options: readonly { value: string; label: string }[] }[]
  value: string | undefined
  help?: string
}) {
  const id = `filtre-${props.name}`
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  )
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.help && (
        <p class="help" id={`${id}-aide`}>
          {props.help}
        </p>
      )}
      <select id={id} name={props.name} aria-describedby={props.help ? `${id}-aide` : undefined}>
        <option value="">{props.any}</option>
        {props.options.map(option)}
        {props.groups?.map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </div>
  )
}

/** The agenda's map: events per département, and a pin per event when they are few. */
export interface AgendaMapData {
  /** Matching events per département (INSEE code), all pages included. */
  departments: Readonly<Record<string, number>>
  total: number
}

function AgendaMap({
  query,
  events,
  map,
}: {
  query: AgendaQuery
  events: readonly Event[]
  map: AgendaMapData
}) {
  const t = useT()
  const m = t.agenda.map
  const selected = (query.territory ?? [])
    .filter((c) => c.startsWith('dep:'))
    .map((c) => c.slice(4))
  const onMap = Object.values(map.departments).reduce((sum, n) => sum + n, 0)
  // No event to place: a blank map of 101 links and its 101-row table would say nothing.
  if (onMap === 0)
    return (
      <section class="map-section" aria-labelledby="carte-evenements-titre">
        <h2 id="carte-evenements-titre" class="map-heading">
          {m.title}
        </h2>
        <p class="empty">{m.empty}</p>
      </section>
    )
  let pins: MapPin[]
  let pinsTitle: string
  // Every matching event is on this page and few enough: one pin each, else per département.
  if (onMap <= RECORD_PINS_MAX && map.total <= events.length) {
    pinsTitle = m.pinsRecords
    pins = recordPins(events.map((e) => ({ slug: e.slug, point: e.derived.point, event: e }))).map(
      ({ hit, x, y }) => ({
        x,
        y,
        count: 1,
        label: hit.event.title,
        place: hit.event.title,
        href: eventHref(hit.event),
      })
    )
  } else {
    pinsTitle = m.pinsDepartments
    const name = (code: string) => mapShapes('dep').find((a) => a.code === code)?.name ?? code
    pins = departmentPins(map.departments, selected).map(({ code, count, x, y }) => ({
      x,
      y,
      count,
      label: m.pinLabel(name(code), count),
      place: name(code),
      href: `${agendaHref(AGENDA_PATHS.page, { ...query, territory: [`dep:${code}`] })}#carte-evenements-titre`,
    }))
  }
  return (
    <section class="map-section" aria-labelledby="carte-evenements-titre">
      <h2 id="carte-evenements-titre" class="map-heading">
        {m.title}
      </h2>
      <p class="help">{m.help}</p>
      <FranceMap
        id="carte-evenements"
        level="dep"
        values={countsOnEveryArea('dep', map.departments)}
        selected={selected}
        hrefFor={(code) =>
          `${agendaHref(AGENDA_PATHS.page, { ...query, territory: [`dep:${code}`] })}#carte-evenements-titre`
        }
        caption={m.caption(onMap)}
        legendTitle={m.legend}
        pins={pins}
        pinsTitle={pinsTitle}
      />
    </section>
  )
}

export function EventAgenda(props: {
  query: AgendaQuery
  events: readonly Event[]
  map: AgendaMapData
  /** Names of the territories in the query (com/EPCI ones are offered as they are). */
  territoryNames: ReadonlyMap<string, string>
  nextHref: string | null
  /** The text was answered by the embedded engine (Meilisearch not answering). */
  degraded?: boolean
}) {
  const t = useT()
  const a = t.agenda
  const f = a.filters
  const q = props.query
  const territory = q.territory?.[0]
  const area = (level: 'reg' | 'dep') =>
    mapShapes(level).map((s) => ({ value: `${level}:${s.code}`, label: s.name }))
  const kept =
    territory && !territory.startsWith('reg:') && !territory.startsWith('dep:')
      ? [{ value: territory, label: props.territoryNames.get(territory) ?? territory }]
      : []
  return (
    <>
      <h1>{a.title}</h1>
      <p class="lead">{a.intro}</p>
      <p>
        <a href="/parole-recueillie">{t.parole.paroleLink}</a>
      </p>
      <p>
        <a class="button primary" href="/evenements/proposer">
          {a.propose}
        </a>
      </p>
      <nav class="map-levels agenda-tabs" aria-label={a.tabsLabel}>
        {AGENDA_TABS.map((when) => (
          <a
            href={agendaHref(AGENDA_PATHS.page, { ...q, when })}
            aria-current={when === q.when ? 'page' : undefined}
          >
            {a.tabs[when]}
          </a>
        ))}
      </nav>
      <form method="get" action={AGENDA_PATHS.page} class="filters" aria-labelledby="filtres-titre">
        <h2 id="filtres-titre">{f.title}</h2>
        {q.when !== 'upcoming' && <input type="hidden" name="when" value={q.when} />}
        <div class="field">
          <label for="filtre-q">{f.q}</label>
          <input
            id="filtre-q"
            name="q"
            type="search"
            value={q.q ?? ''}
            aria-describedby="filtre-q-aide"
          />
          <p id="filtre-q-aide" class="help">
            {f.qHelp}
          </p>
        </div>
        <Select
          name="theme"
          label={f.theme}
          any={f.any}
          options={TOP_THEMES.map((term) => ({ value: term.code, label: term[t.lang] }))}
          value={q.theme?.[0]}
        />
        <Select
          name="territory"
          label={f.territory}
          help={f.territoryHelp}
          any={f.any}
          options={kept}
          groups={[
            { label: f.regions, options: area('reg') },
            { label: f.departments, options: area('dep') },
          ]}
          value={territory}
        />
        <Select
          name="kind"
          label={f.kind}
          any={f.any}
          options={EVENT_KINDS.map((term) => ({ value: term.code, label: term[t.lang] }))}
          value={q.kind?.[0]}
        />
        <div class="field">
          <label for="filtre-from">{f.from}</label>
          <input id="filtre-from" name="from" type="date" value={q.from ?? ''} />
        </div>
        <div class="field">
          <label for="filtre-to">{f.to}</label>
          <input id="filtre-to" name="to" type="date" value={q.to ?? ''} />
        </div>
        <Select
          name="attendance"
          label={f.attendance}
          any={f.attendanceAny}
          options={AGENDA_ATTENDANCE.map((code) => ({
            value: code,
            label: labelOf(EVENT_ATTENDANCE, code, t.lang),
          }))}
          value={q.attendance}
        />
        <div class="field choice">
          <input id="filtre-free" name="free" type="checkbox" value="true" checked={q.free} />
          <label for="filtre-free">{f.free}</label>
        </div>
        <p class="actions">
          <button type="submit" class="button">
            {f.apply}
          </button>{' '}
          <a href={agendaHref(AGENDA_PATHS.page, { when: q.when })}>{f.reset}</a>
        </p>
      </form>
      {props.degraded && <p class="degraded">{t.home.degraded}</p>}
      <nav class="reuse-links" aria-label={a.subscribe.label}>
        <ul>
          <li>
            <a href={agendaHref(AGENDA_PATHS.ics, q)} type="text/calendar">
              {a.subscribe.ics}
            </a>{' '}
            <span class="help">{a.subscribe.icsHelp}</span>
          </li>
          <li>
            <a href={agendaHref(AGENDA_PATHS.atom, q)} type="application/atom+xml">
              {a.subscribe.atom}
            </a>
          </li>
          <li>
            {a.subscribe.download}{' '}
            {(['csv', 'json', 'geojson'] as const).map((format, i) => (
              <>
                {i > 0 && ' · '}
                <a href={agendaFileHref(AGENDA_PATHS[format], q)} download>
                  {FORMAT_NAMES[format]}
                </a>
              </>
            ))}
          </li>
        </ul>
      </nav>
      <AgendaMap query={q} events={props.events} map={props.map} />
      <section aria-labelledby="resultats-titre">
        <h2 id="resultats-titre">{a.resultsTitle}</h2>
        <p role="status">{a.count(props.map.total)}</p>
        {props.events.length === 0 ? (
          <p class="empty">{a.none}</p>
        ) : (
          <EventDays events={props.events} />
        )}
        {props.nextHref && (
          <p>
            <a href={props.nextHref}>{a.next}</a>
          </p>
        )}
      </section>
    </>
  )
}

/** `<link rel="alternate">`s advertising the query's calendar and feed. */
export function AgendaFeedLinks({ query }: { query: AgendaQuery }) {
  const s = useT().agenda.subscribe
  return (
    <>
      <link
        rel="alternate"
        type="text/calendar"
        title={s.calendarTitle}
        href={agendaHref(AGENDA_PATHS.ics, query)}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={s.feedTitle}
        href={agendaHref(AGENDA_PATHS.atom, query)}
      />
    </>
  )
}
