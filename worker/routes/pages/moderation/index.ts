/**
 * The moderation desk (`/moderation/**`): server-rendered pages for named moderators,
 * behind a session cookie, every state change behind the CSRF gate. Mounted by app.ts.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../../env'
import { contributionDecisions } from './contributions'
import { actorDeskPages } from './actor'
import { eventDeskPages } from './event'
import { journalPage } from './journal'
import { loginPages, logoutPage } from './login'
import { queuePage } from './queue'
import { recordPages } from './record'

export const moderationDesk = new Hono<AppEnv>()
  .route('/', loginPages)
  .route('/', logoutPage)
  .route('/', queuePage)
  .route('/', recordPages)
  .route('/', actorDeskPages)
  .route('/', eventDeskPages)
  .route('/', journalPage)
  .route('/', contributionDecisions)
