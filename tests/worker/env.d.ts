import type { realActorInput } from '../../scripts/lib/real-actors'
import type { RealCatalogueRow } from '../../scripts/lib/real-catalogue'

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[]
      /** tests/worker/territory-server.ts: the territory reference's SQL, as a JSON array. */
      TEST_TERRITORY_SQL_URL: string
      /** scripts/lib/real-catalogue.ts: the 150 corpus records as import rows. */
      TEST_REAL_CATALOGUE: RealCatalogueRow[]
      /** scripts/lib/real-actors.ts: the catalogue's porteurs as actor import rows. */
      TEST_REAL_ACTORS: ReturnType<typeof realActorInput>[]
      TEST_SEARCH_MIGRATIONS: D1Migration[]
      /** The real Meilisearch of the test run and a key scoped to `test-*` indexes. */
      TEST_MEILI_HOST: string
      TEST_MEILI_KEY: string
      /** Empty when a real Meilisearch is available to the tests (tests/global-setup.ts). */
      TEST_MEILI_SKIP_REASON: string
      /** Disposable Meilisearch for fault tests, its key and its control server (may be empty). */
      TEST_FAULT_HOST: string
      TEST_FAULT_KEY: string
      TEST_FAULT_CONTROL: string
    }
  }
}
export {}
