/**
 * One Meilisearch index through the official client, whatever it holds: its settings
 * (applied before its first document, and by the reindex), idempotent upserts and
 * removals, and the ids and revisions it holds. The experiments' engine
 * (meilisearch.ts) and the actors' (actor-engines.ts) each add their searches on top.
 */
import {
  Meilisearch,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Settings,
} from 'meilisearch'
import type { DocumentIndex, IndexedDocument } from './types'

/** Search requests give up after this; the embedded engine then answers. */
export const SEARCH_TIMEOUT_MS = 1_500
/** How long indexing waits for Meilisearch to apply a task (outside the request path). */
const TASK_TIMEOUT_MS = 20_000

export interface MeilisearchConfig {
  host: string
  apiKey: string
  indexUid: string
  /** Per-request timeout; indexing calls use a longer one. */
  timeoutMs?: number
}

/** The client wraps a timeout in a request error; both mean "not answering". */
export function isMeilisearchTimeout(error: unknown): boolean {
  return (
    error instanceof MeilisearchTaskTimeOutError ||
    error instanceof MeilisearchRequestTimeOutError ||
    (error instanceof MeilisearchRequestError &&
      error.cause instanceof MeilisearchRequestTimeOutError)
  )
}

/** Network failures and timeouts, as opposed to Meilisearch rejecting a request. */
export function isMeilisearchUnreachable(error: unknown): boolean {
  return error instanceof MeilisearchRequestError || isMeilisearchTimeout(error)
}

/** A Meilisearch filter value: double-quoted, backslashes then quotes escaped. */
export function filterValue(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/** Indexes whose settings this isolate has checked or applied (host#uid). */
const settledIndexes = new Set<string>()

export class MeilisearchIndex<D extends IndexedDocument> implements DocumentIndex<D> {
  readonly name = 'meilisearch' as const
  /** Searches, under the short timeout. */
  protected readonly client: Meilisearch
  private readonly indexClient: Meilisearch

  constructor(
    protected readonly config: MeilisearchConfig,
    private readonly settings: () => Settings
  ) {
    const common = {
      host: config.host,
      apiKey: config.apiKey,
      defaultWaitOptions: { interval: 50 },
    }
    this.client = new Meilisearch({ ...common, timeout: config.timeoutMs ?? SEARCH_TIMEOUT_MS })
    this.indexClient = new Meilisearch({ ...common, timeout: 10_000 })
  }

  async upsert(documents: readonly D[]): Promise<void> {
    if (documents.length === 0) return
    await this.ensureIndex()
    const task = await this.indexClient
      .index<D>(this.config.indexUid)
      .addDocuments([...documents], { primaryKey: 'id' })
      .waitTask({ timeout: TASK_TIMEOUT_MS })
    if (task.status !== 'succeeded') {
      throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.ensureIndex()
    const task = await this.indexClient
      .index(this.config.indexUid)
      .deleteDocuments([...ids])
      .waitTask({ timeout: TASK_TIMEOUT_MS })
    if (task.status !== 'succeeded') {
      throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
    }
  }

  async indexedRevisions(): Promise<Map<string, number>> {
    const out = new Map<string, number>()
    const index = this.indexClient.index<IndexedDocument>(this.config.indexUid)
    const limit = 1000
    for (let offset = 0; ; offset += limit) {
      const page = await index.getDocuments({ fields: ['id', 'revision'], limit, offset })
      for (const doc of page.results) out.set(doc.id, doc.revision)
      if (page.results.length < limit) return out
    }
  }

  /** Applies the index settings and waits until they are live (idempotent; the reindex's first call). */
  async applySettings(): Promise<void> {
    await this.indexClient
      .index(this.config.indexUid)
      .updateSettings(this.settings())
      .waitTask({ timeout: 30_000 })
    settledIndexes.add(this.key())
  }

  /**
   * A missing index gets its settings before its first document, so it never holds
   * documents under default settings. Checked once per isolate and index.
   */
  private async ensureIndex(): Promise<void> {
    if (settledIndexes.has(this.key())) return
    try {
      await this.indexClient.getRawIndex(this.config.indexUid)
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code
      if (code !== 'index_not_found') throw error
      await this.applySettings()
    }
    settledIndexes.add(this.key())
  }

  private key(): string {
    return `${this.config.host}#${this.config.indexUid}`
  }
}
