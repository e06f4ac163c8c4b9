/**
 * The search outbox's safety net for local runs. In production a cron trigger drains the
 * outbox every minute; under `wrangler dev` with `[assets]` the scheduled event never
 * reaches the Worker (workers-sdk#9882: it lands on the assets router and answers 500), so
 * `npm start` calls `POST /api/moderation/outbox/drain` itself on the same schedule. After
 * a Meilisearch outage the index then catches up with no further write.
 */

export interface DrainLoop {
  stop(): void
}

export function drainPeriodically(opts: {
  baseUrl: string
  moderatorToken: string
  everyMs: number
  log?: (line: string) => void
}): DrainLoop {
  const log = opts.log ?? (() => {})
  let running = false
  const tick = async () => {
    // One drain at a time: a slow one (engine timing out) must not pile up behind itself.
    if (running) return
    running = true
    try {
      const res = await fetch(`${opts.baseUrl}/api/moderation/outbox/drain`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.moderatorToken}` },
      })
      if (!res.ok) log(`synchronisation des index refusée (${res.status})`)
      else await res.body?.cancel()
    } catch (error) {
      log(`synchronisation des index impossible : ${String(error)}`)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), opts.everyMs)
  return { stop: () => clearInterval(timer) }
}
