/**
 * Child processes (wrangler dev, workerd, Meilisearch) must never outlive a benchmark run,
 * also on Ctrl-C or a thrown error: on a shared 2-core machine a stray workerd would skew
 * every later measurement. Each start registers its stop here; `runCleanups` runs them
 * newest first, once.
 */
type Cleanup = () => Promise<void> | void

const cleanups: { name: string; fn: Cleanup }[] = []
let installed = false

export function onCleanup(name: string, fn: Cleanup): () => void {
  const entry = { name, fn }
  cleanups.push(entry)
  installSignalHandlers()
  // Returned so a process stopped on purpose (the fault run) is not stopped twice.
  return () => {
    const i = cleanups.indexOf(entry)
    if (i >= 0) cleanups.splice(i, 1)
  }
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const { name, fn } = cleanups.pop()!
    try {
      await fn()
    } catch (error) {
      console.error(`nettoyage de ${name} impossible :`, error)
    }
  }
}

function installSignalHandlers() {
  if (installed) return
  installed = true
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal} reçu : arrêt des processus du bench…`)
      void runCleanups().finally(() => process.exit(130))
    })
  }
}
