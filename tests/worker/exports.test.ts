import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../worker/open-data/csv'
import { cellOf, EXPORT_COLUMNS, IMPORT_COLUMNS, rowFromCells } from '../../worker/open-data/schema'
import { FIELD_DOCS } from '../../worker/open-data/fields'
import { catalogueStream } from '../../worker/services/exports'
import { HOSTILE, PRIVATE_MARKERS, richInput } from './exports-fixtures'
import { postJson, publish, request, validInput } from './fixtures'
import { validateCell, validateJson, type Schema, type TableField } from './exports-validators'

let richId = ''
let pendingTitle = ''

beforeAll(async () => {
  richId = (await publish(richInput())).id
  await publish(validInput({ title: 'Données ouvertes du département', themes: ['open-data'] }))
  await publish()
  // A pending submission must never be exported.
  pendingTitle = 'Fiche en attente de modération'
  const res = await postJson('/api/experiments', validInput({ title: pendingTitle }))
  expect(res.status).toBe(201)
})

async function text(path: string): Promise<string> {
  const res = await request(path)
  expect(res.status, path).toBe(200)
  return res.text()
}

async function schemas() {
  const json = JSON.parse(await text('/api/schemas/v1/experiment.schema.json')) as Schema
  const table = JSON.parse(await text('/api/schemas/v1/experiment.tableschema.json')) as {
    fields: TableField[]
    primaryKey: string
    missingValues: string[]
  }
  return { json, table }
}

function expectNoPrivateData(body: string) {
  for (const marker of PRIVATE_MARKERS) expect(body).not.toContain(marker)
  expect(body).not.toContain('privateContact')
  expect(body).not.toContain('private_contact')
}

describe('published schemas', () => {
  it('serves a versioned JSON Schema generated from the zod record', async () => {
    const res = await request('/api/schemas/v1/experiment.schema.json')
    expect(res.headers.get('content-type')).toContain('application/schema+json')
    const { json } = await schemas()
    expect(json).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: expect.stringMatching(/\/api\/schemas\/v1\/experiment\.schema\.json$/),
      type: 'object',
    })
    expect(Object.keys(json.properties ?? {})).not.toContain('privateContact')
  })

  it('documents every CSV column in the Table Schema, in export order', async () => {
    const { table } = await schemas()
    expect(table.fields.map((f) => f.name)).toEqual(EXPORT_COLUMNS.map((c) => c.name))
    expect(table.primaryKey).toBe('id')
    expect(table.missingValues).toEqual([''])
    for (const column of [...EXPORT_COLUMNS, ...IMPORT_COLUMNS]) {
      expect(FIELD_DOCS[column.name], `documentation of ${column.name}`).toBeDefined()
    }
  })

  it('publishes a DCAT catalogue entry under Licence Ouverte 2.0', async () => {
    const res = await request('/api/catalog.jsonld')
    expect(res.headers.get('content-type')).toContain('application/ld+json')
    const catalog = (await res.json()) as {
      '@type': string
      'dcat:dataset': {
        'dct:license': { '@id': string }
        'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[]
      }[]
    }
    expect(catalog['@type']).toBe('dcat:Catalog')
    const dataset = catalog['dcat:dataset'][0]!
    expect(dataset['dct:license']['@id']).toBe(
      'https://www.etalab.gouv.fr/licence-ouverte-open-licence'
    )
    const urls = dataset['dcat:distribution'].map((d) => d['dcat:downloadURL']['@id'])
    for (const ext of ['csv', 'json', 'ndjson', 'geojson'])
      expect(urls.some((u) => u.endsWith(`/api/exports/experiments.${ext}`))).toBe(true)
  })
})

describe('CSV export', () => {
  it('follows the Table Schema: every row has every field, each cell valid', async () => {
    const res = await request('/api/exports/experiments.csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="\d{8}_experimentations-numeriques\.csv"/
    )
    const body = await res.text()
    expectNoPrivateData(body)
    expect(body).not.toContain(pendingTitle)
    const { table } = await schemas()
    const [header, ...rows] = parseCsv(body)
    expect(header).toEqual(table.fields.map((f) => f.name))
    expect(rows).toHaveLength(3)
    for (const row of rows) {
      expect(row).toHaveLength(table.fields.length)
      const errors = table.fields.flatMap((field, i) => validateCell(field, row[i]!))
      expect(errors).toEqual([])
    }
  })

  it('writes multiple values with `;`, ISO dates and keeps hostile text intact', async () => {
    const [header, ...rows] = parseCsv(await text('/api/exports/experiments.csv'))
    const col = (name: string) => header!.indexOf(name)
    const rich = rows.find((r) => r[col('id')] === richId)!
    expect(rich[col('territories')]).toBe('epci:243500139;com:35238')
    expect(rich[col('themes')]).toBe('third-places.fablab;sobriety.materiel')
    expect(rich[col('start_date')]).toBe('2019-03-15')
    expect(rich[col('narrative_context')]).toBe(HOSTILE)
    expect(rich[col('means_staff_fte')]).toBe('1.5')
    expect(rich[col('lead_rna')]).toBe('')
    expect(JSON.parse(rich[col('means_funding_sources')]!)).toEqual([
      { type: 'region', programme: 'Appel à projets', amountEur: 40000 },
    ])
    expect(rich[col('derived_regions_names')]).toBe('Bretagne')
  })

  it('takes the same filters as the list', async () => {
    const [, ...rows] = parseCsv(await text('/api/exports/experiments.csv?theme=open-data'))
    expect(rows).toHaveLength(1)
    const bad = await request('/api/exports/experiments.csv?theme=nope')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
  })
})

describe('JSON, NDJSON and GeoJSON exports', () => {
  it('JSON is an array of records valid against the published JSON Schema', async () => {
    const body = await text('/api/exports/experiments.json')
    expectNoPrivateData(body)
    const records = JSON.parse(body) as unknown[]
    expect(records).toHaveLength(3)
    const { json } = await schemas()
    for (const record of records) expect(validateJson(json, record)).toEqual([])
    const list = (await (await request('/api/experiments')).json()) as { items: unknown[] }
    expect(records).toEqual(list.items)
  })

  it('NDJSON has one valid record per line', async () => {
    const body = await text('/api/exports/experiments.ndjson?department=53')
    expectNoPrivateData(body)
    const lines = body.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    const { json } = await schemas()
    for (const line of lines) expect(validateJson(json, JSON.parse(line))).toEqual([])
  })

  it('GeoJSON is an RFC 7946 FeatureCollection, one feature per record', async () => {
    const res = await request('/api/exports/experiments.geojson')
    expect(res.headers.get('content-type')).toContain('application/geo+json')
    const body = await res.text()
    expectNoPrivateData(body)
    const collection = JSON.parse(body) as {
      type: string
      features: {
        type: string
        id: string
        geometry: { type: string; coordinates: number[] } | null
        properties: { derived: { point: { lon: number; lat: number } | null } }
        locatedBy: string | null
      }[]
    }
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.features).toHaveLength(3)
    const { json } = await schemas()
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature')
      expect(typeof feature.id).toBe('string')
      expect('geometry' in feature).toBe(true)
      if (feature.geometry !== null) {
        expect(feature.geometry.type).toBe('Point')
        const [lon, lat] = feature.geometry.coordinates
        expect(feature.geometry.coordinates).toHaveLength(2)
        expect(lon).toBeGreaterThanOrEqual(-180)
        expect(lon).toBeLessThanOrEqual(180)
        expect(lat).toBeGreaterThanOrEqual(-90)
        expect(lat).toBeLessThanOrEqual(90)
      }
      expect(validateJson(json, feature.properties)).toEqual([])
    }
    // Located by the first declared territory: Rennes Métropole, at the population-weighted
    // centroid of its communes; the others by the Mayenne's centroid.
    const rich = collection.features.find((f) => f.id === richId)!
    expect(rich.geometry).toEqual({ type: 'Point', coordinates: [-1.69165, 48.10567] })
    expect(rich.locatedBy).toBe('epci:243500139')
    for (const f of collection.features.filter((f) => f.id !== richId)) {
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [-0.65742, 48.14721] })
      expect(f.locatedBy).toBe('dep:53')
    }
    // The point is the record's own, as the API returns it.
    for (const f of collection.features) {
      const { lon, lat } = f.properties.derived.point!
      expect(f.geometry!.coordinates).toEqual([lon, lat])
    }
  })
})

describe('streaming', () => {
  it('reads the catalogue page by page and yields every record once', async () => {
    const stream = catalogueStream(
      env.DB,
      {},
      {
        head: '[',
        tail: ']',
        page: (records, first) =>
          (first ? '' : ',') + records.map((e) => JSON.stringify(e.id)).join(','),
      },
      2
    )
    const ids = JSON.parse(await new Response(stream).text()) as string[]
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
  })
})

// Last: it publishes a record, which the counts above do not expect.
describe('formula injection', () => {
  it('neutralises text cells a spreadsheet would run as a formula, and gives them back on import', async () => {
    // OWASP CSV injection: cells starting with =, +, -, @, tab or CR run in spreadsheets.
    const formulas = {
      title: '=HYPERLINK("https://exemple.fr/x";"Cliquez")',
      summary: '+33 : un résumé qui commence comme une formule de tableur.',
      lead: { name: '@SUM(A1:A9)', kind: 'commune' as const },
      keywords: ['-2+3', 'réemploi'],
      narrative: { context: "'=déjà précédé d’une apostrophe" },
    }
    const { id } = await publish(formulas)
    const [header, ...rows] = parseCsv(await text('/api/exports/experiments.csv'))
    const col = (name: string) => header!.indexOf(name)
    const row = rows.find((r) => r[col('id')] === id)!
    expect(row[col('title')]).toBe(`'${formulas.title}`)
    expect(row[col('summary')]).toBe(`'${formulas.summary}`)
    expect(row[col('lead_name')]).toBe(`'${formulas.lead.name}`)
    expect(row[col('keywords')]).toBe("'-2+3;réemploi")
    expect(row[col('narrative_context')]).toBe(`'${formulas.narrative.context}`)
    // Text cells only: numeric columns are never prefixed (a longitude west of Greenwich
    // is negative), a negative number stays a number.
    const numeric = new Set(
      EXPORT_COLUMNS.filter((c) => c.type === 'number' || c.type === 'integer').map((c) => c.name)
    )
    row.forEach((cell, i) => {
      if (!numeric.has(header![i]!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    })
    const budget = EXPORT_COLUMNS.find((c) => c.name === 'means_budget_eur')!
    const record = { means: { budgetEur: -12 } } as unknown as Parameters<typeof cellOf>[0]
    expect(cellOf(record, budget)).toBe('-12')
    // The import reads the exported cells back to the values that were published.
    const cells = Object.fromEntries(header!.map((name, i) => [name, row[i]!]))
    const { value } = rowFromCells(cells)
    expect(value).toMatchObject({
      title: formulas.title,
      summary: formulas.summary,
      lead: { name: formulas.lead.name },
      keywords: formulas.keywords,
      narrative: formulas.narrative,
    })
  })
})
