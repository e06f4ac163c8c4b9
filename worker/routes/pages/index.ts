/**
 * The public HTML pages, mounted at the root of the app. Each page file is a small
 * router; data access goes through worker/db and worker/services like the JSON API.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { experimentPage } from './experiment'
import { homePage } from './home'
import { languageSwitch } from './language'
import { submitPage } from './submit'

export const pages = new Hono<AppEnv>()
  .route('/', homePage)
  .route('/', experimentPage)
  .route('/', submitPage)
  .route('/', languageSwitch)

export { notFoundPage, wantsHtml } from './not-found'
