import { describe, expect, it } from 'vitest'
import { postJson, publish, request, validInput } from './fixtures'

describe('smoke', () => {
  it('submits, approves and reads', async () => {
    const sub = await publish()
    const res = await request(`/api/experiments/${sub.id}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    console.log(JSON.stringify(body).slice(0, 800))
  })
  it('rejects bad input', async () => {
    const res = await postJson('/api/experiments', validInput({ territories: ['dep:00'] }))
    console.log(res.status, await res.text())
  })
})
