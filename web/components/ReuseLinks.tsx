/**
 * « Télécharger ces résultats » and « Suivre cette recherche (Atom) » under a list of
 * experiments (search results, a territory's experiments): the open-data page with the
 * same filters, and the feed that follows them.
 */
import type { SearchQuery } from '../../worker/domain/search'
import { useT } from '../i18n'
import { feedHref, openDataHref } from '../open-data-links'

export function ReuseLinks({ query }: { query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'> }) {
  const t = useT().openData.links
  return (
    <nav class="reuse-links" aria-label={t.label}>
      <ul>
        <li>
          <a href={openDataHref(query)}>{t.download}</a>
        </li>
        <li>
          <a href={feedHref(query)} type="application/atom+xml">
            {t.follow}
          </a>
        </li>
      </ul>
    </nav>
  )
}

/** `<link rel="alternate">` advertising a list's feed to browsers and feed readers. */
export function FeedLink({
  query,
  title,
}: {
  query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>
  title: string
}) {
  return <link rel="alternate" type="application/atom+xml" title={title} href={feedHref(query)} />
}
