/**
 * The public HTML pages, mounted at the root of the app. Each page file is a small
 * router; data access goes through worker/db and worker/services like the JSON API.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { actorEditPages } from './actor-edit'
import { actorPages } from './actors'
import { agendaPages } from './agenda'
import { eventPages } from './events'
import { editPages } from './edit'
import { embedPage } from './embed'
import { experimentPage } from './experiment'
import { feedbackPage } from './feedback'
import { historyPage } from './history'
import { homePage } from './home'
import { languageSwitch } from './language'
import { mapOutlines } from './maps'
import { networkPages } from './network'
import { openDataPages } from './open-data'
import { parolePages } from './parole'
import { replicationPage } from './replication'
import { reportPage } from './report'
import { submitPage } from './submit'

export const pages = new Hono<AppEnv>()
  .route('/', homePage)
  .route('/', experimentPage)
  .route('/', submitPage)
  .route('/', editPages)
  .route('/', historyPage)
  .route('/', reportPage)
  .route('/', replicationPage)
  .route('/', feedbackPage)
  .route('/', languageSwitch)
  .route('/', openDataPages)
  .route('/', embedPage)
  .route('/', networkPages)
  // Before actorPages: `/acteurs/modifier` is no actor's slug.
  .route('/', actorEditPages)
  .route('/', actorPages)
  .route('/', agendaPages)
  .route('/', eventPages)
  .route('/', parolePages)
  .route('/', mapOutlines)

export { errorPage, notFoundPage, wantsHtml } from './not-found'
