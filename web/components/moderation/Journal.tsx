/** `/moderation/journal`: the audit log, newest first, one page at a time. */
import { auditLabel, formatDateTime } from './labels'
import { TableRegion } from '../TableRegion'

export interface JournalEntry {
  seq: number
  at: string
  actor: string
  action: string
  target: string | null
  reason: string | null
  detail: string
}

export interface JournalProps {
  entries: JournalEntry[]
  /** Link to the next (older) page, if any. */
  nextHref: string | null
  first: boolean
}

function TargetLink({ target }: { target: string | null }) {
  if (!target) return <>—</>
  const experiment = /^experiment:([0-9A-Z]{26})$/.exec(target)
  return experiment ? (
    <a href={`/moderation/experiences/${experiment[1]}`}>
      <code>{experiment[1]}</code>
    </a>
  ) : (
    <>{target}</>
  )
}

export function Journal({ entries, nextHref, first }: JournalProps) {
  return (
    <>
      <h1>Journal de modération</h1>
      <p class="lead">
        Chaque décision, connexion et échec de connexion, du plus récent au plus ancien. Le journal
        ne peut être ni modifié ni effacé.
      </p>
      {entries.length === 0 ? (
        <p class="empty">Aucune entrée.</p>
      ) : (
        <TableRegion label="Entrées du journal d’audit">
          <table class="desk-table">
            <caption class="visually-hidden">Entrées du journal d’audit</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Qui</th>
                <th scope="col">Action</th>
                <th scope="col">Cible</th>
                <th scope="col">Raison</th>
                <th scope="col">Détail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{auditLabel(e.action)}</td>
                  <td>
                    <TargetLink target={e.target} />
                  </td>
                  <td>{e.reason ?? ''}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <nav class="pagination" aria-label="Pages du journal">
        <ul>
          {!first && (
            <li>
              <a href="/moderation/journal">Entrées les plus récentes</a>
            </li>
          )}
          {nextHref && (
            <li>
              <a href={nextHref}>Entrées plus anciennes</a>
            </li>
          )}
        </ul>
      </nav>
    </>
  )
}
