/**
 * Fixed-window counters for the D1 rate-limit fallback (worker/http/rate-limit.ts), used
 * when no Rate Limiting binding is configured. One upsert per checked request: it starts
 * a new window or counts one more hit in the current one, and returns the count.
 */
import type { Db } from './session'

export async function hitCounter(db: Db, key: string, windowStart: number): Promise<number> {
  // SQLite evaluates every SET expression against the old row, so the CASE sees the
  // previous window_start.
  const row = await db
    .prepare(
      `INSERT INTO rate_limit_counters (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN window_start = ?2 THEN count + 1 ELSE 1 END,
         window_start = ?2
       RETURNING count`
    )
    .bind(key, windowStart)
    .first<{ count: number }>()
  return row?.count ?? 1
}

/** Forgets counters of windows that ended before `before` (Unix seconds). */
export async function pruneCounters(db: Db, before: number): Promise<void> {
  await db.prepare('DELETE FROM rate_limit_counters WHERE window_start < ?1').bind(before).run()
}
