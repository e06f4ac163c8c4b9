declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[]
      TEST_TERRITORY_SQL: string[]
    }
  }
}
export {}
