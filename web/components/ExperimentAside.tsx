/**
 * The side column of an experiment's public page: how complete and how fresh the record
 * is, its history and report links, and how to cite and reuse it.
 */
import type { Experiment } from '../../worker/domain/experiment'
import { needsVerification } from '../../worker/domain/freshness'
import { LICENCES, labelOf } from '../../worker/domain/vocabularies'
import { formatDate } from '../format'
import { useT } from '../i18n'
import { Fact } from './Fact'

export const LICENCE_URLS: Record<string, string> = {
  'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/deed.fr',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
}

/** Where the owner's edit page offers « La fiche est toujours exacte » (the badge links it). */
export const STILL_ACCURATE_ANCHOR = 'toujours-exact'

export function ExperimentAside({
  experiment: e,
  permalink,
  today,
}: {
  experiment: Experiment
  /** Absolute permanent link of the record. */
  permalink: string
  /** Today's date (ISO), for the "accessed on" part of the citation. */
  today: string
}) {
  const t = useT()
  const stale = needsVerification(e.lastVerifiedAt, new Date(today))
  const x = t.experiment
  const lang = t.lang
  const licenceLabel = labelOf(LICENCES, e.licence, lang)
  return (
    <aside class="experiment-aside">
      <section aria-labelledby="s-record" class="box">
        <h2 id="s-record">{x.completeness}</h2>
        <p>
          <meter
            id="completeness"
            min={0}
            max={100}
            low={40}
            high={70}
            optimum={100}
            value={e.completeness}
            aria-labelledby="s-record"
          >
            {x.completenessValue(e.completeness)}
          </meter>{' '}
          {x.completenessValue(e.completeness)}
        </p>
        <dl class="facts compact">
          {e.publishedAt && <Fact label={x.published}>{formatDate(e.publishedAt, lang)}</Fact>}
          <Fact label={x.lastVerified}>
            {e.lastVerifiedAt ? formatDate(e.lastVerifiedAt, lang) : x.neverVerified}
            {stale && (
              <>
                {' '}
                <a class="badge to-verify" href="#a-verifier">
                  {x.toVerify}
                </a>
              </>
            )}
          </Fact>
        </dl>
        {stale && (
          <div id="a-verifier" class="to-verify-help">
            <p>{x.toVerifyHelp}</p>
            <p>
              {x.toVerifyOwner}{' '}
              <a href={`/modifier#${STILL_ACCURATE_ANCHOR}`} rel="nofollow">
                {x.toVerifyOwnerLink}
              </a>
            </p>
            <p>
              <a href={`/experiences/${encodeURIComponent(e.slug)}/signaler`}>{x.toVerifyReport}</a>
            </p>
          </div>
        )}
        <ul class="plain">
          <li>
            <a href={`/experiences/${encodeURIComponent(e.slug)}/historique`}>{x.history}</a>
          </li>
          <li>
            <a href={`/experiences/${encodeURIComponent(e.slug)}/signaler`} rel="nofollow">
              {x.report}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="s-cite" class="box">
        <h2 id="s-cite">{x.cite}</h2>
        <dl class="facts compact">
          <Fact label={x.permalink}>
            <a href={permalink} class="break">
              {permalink}
            </a>
          </Fact>
          <Fact label={x.licence}>
            {LICENCE_URLS[e.licence] ? (
              <a href={LICENCE_URLS[e.licence]} rel="license noopener noreferrer">
                {licenceLabel}
              </a>
            ) : (
              licenceLabel
            )}{' '}
            ({e.licence})
          </Fact>
          <Fact label={x.citation}>
            <span class="citation">
              {e.lead.name}, « {e.title} », {t.siteName}, {formatDate(e.updatedAt, lang)},{' '}
              {permalink} ({x.consultedOn} {formatDate(today, lang)}).
            </span>
          </Fact>
        </dl>
        <p>
          <a href={`/api/experiments/${e.id}`} type="application/json">
            {x.json}
          </a>
        </p>
      </section>
    </aside>
  )
}
