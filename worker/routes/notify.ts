/** The contributor notifier of a request: the configured mail sender, links from this site's base. */
import type { Db } from '../db/session'
import { mailSender } from '../mail/senders'
import { contributorNotifier, type ContributorNotifier } from '../services/notifications'
import { publicBase } from '../http/public-base'

export function notifierFor(c: {
  env: Env
  var: { db: Db }
  req: { url: string }
}): ContributorNotifier {
  return contributorNotifier(mailSender(c.env, c.var.db), c.var.db, publicBase(c))
}
