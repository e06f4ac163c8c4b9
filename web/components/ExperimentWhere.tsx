import type { Experiment } from '../../worker/domain/experiment'
import { useT } from '../i18n'
import { Fact } from './Fact'

/** Where the record applies: its French territories, « France entière », or a place abroad. */
export function ExperimentWhere({ experiment: e }: { experiment: Experiment }) {
  const t = useT()
  const x = t.experiment
  if (e.scope === 'national') return <Fact label={x.scope}>{x.nationalScope}</Fact>
  if (e.scope === 'abroad' && e.abroad) {
    const country = e.derived.country?.[t.lang] ?? e.abroad.country
    return (
      <Fact label={x.place}>
        {e.abroad.place}, {country}
        {e.abroad.subdivision && ` (${e.abroad.subdivision})`}
      </Fact>
    )
  }
  return <Fact label={x.territories}>{e.derived.territories.map((p) => p.name).join(', ')}</Fact>
}
