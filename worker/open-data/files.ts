/**
 * The published catalogue as files: what each streamed export writes before, between and
 * after the records (CSV, JSON, NDJSON; GeoJSON in geojson.ts), and the whitelist that
 * keeps anything but published keys out of every file and feed.
 */
import { Experiment } from '../domain/experiment'
import { csvLine } from './csv'
import { cellOf, EXPORT_COLUMNS } from './schema'

/**
 * A filter keeping only the published keys of a record: the reads spread the stored
 * JSON, so this is what guarantees that nothing else (a private field written by
 * mistake) ever leaves.
 */
export function keepKeys<R>(keys: readonly string[]): (record: R) => R {
  return (record) => {
    const out: Record<string, unknown> = {}
    for (const key of keys) {
      const value = (record as Record<string, unknown>)[key]
      if (value !== undefined) out[key] = value
    }
    return out as R
  }
}

/** An experiment reduced to its published keys. */
export const publicRecord = keepKeys<Experiment>(Object.keys(Experiment.shape))

/** How one export file is written, page by page (the stream reads the pages). */
export interface StreamShape<R = Experiment> {
  head: string
  tail: string
  /** Text of one page of records; `first` is true for the very first record of the file. */
  page: (records: R[], first: boolean) => Promise<string> | string
}

/** The download name of an export, dated: `20260131_experimentations-numeriques.csv`. */
export function exportFileName(ext: string, stem = 'experimentations-numeriques'): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '')
  return `${day}_${stem}.${ext}`
}

export const csvFile: StreamShape = {
  head: csvLine(EXPORT_COLUMNS.map((col) => col.name)),
  tail: '',
  page: (records) =>
    records.map((e) => csvLine(EXPORT_COLUMNS.map((col) => cellOf(e, col)))).join(''),
}

/** A JSON array of records, whatever their kind. */
export const jsonFile: StreamShape<unknown> = {
  head: '[\n',
  tail: '\n]\n',
  page: (records, first) =>
    records.map((e, i) => (first && i === 0 ? '' : ',\n') + JSON.stringify(e)).join(''),
}

export const ndjsonFile: StreamShape<unknown> = {
  head: '',
  tail: '',
  page: (records) => records.map((e) => JSON.stringify(e) + '\n').join(''),
}
