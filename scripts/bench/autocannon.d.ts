// autocannon ships no types (and @types/autocannon is not installed): only what the bench uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface AutocannonRequest {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string
  }
  /** A request built anew each time it is sent. */
  export interface AutocannonDynamicRequest {
    setupRequest: (request: Partial<AutocannonRequest>) => AutocannonRequest
  }
  export interface AutocannonOptions {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: (AutocannonRequest | AutocannonDynamicRequest)[]
  }
  export interface AutocannonResult {
    requests: { total: number; average: number }
    errors: number
    timeouts: number
    non2xx: number
    duration: number
    '2xx': number
  }
  export interface Instance extends EventEmitter {
    stop(): void
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        resBytes: number,
        responseTime: number
      ) => void
    ): this
  }
  function autocannon(
    options: AutocannonOptions,
    callback: (error: Error | null, result: AutocannonResult) => void
  ): Instance
  export default autocannon
}
