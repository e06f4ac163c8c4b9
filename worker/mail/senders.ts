/**
 * Who sends the e-mails of the Worker, chosen by configuration (`MAIL_SENDER`):
 * - `cloudflare`: the Email Workers binding `EMAIL` (`[[send_email]]` in wrangler.toml),
 *   from `MAIL_FROM`, an address of a domain with Email Routing;
 * - `http`: an HTTP provider taking `{ from, to, subject, text }` as JSON with a bearer key
 *   (Resend's `POST /emails` shape): `MAIL_HTTP_URL`, secret `MAIL_HTTP_KEY`, `MAIL_FROM`;
 * - `local`: development and tests only — messages are recorded in the `local_mail` table,
 *   never sent (and say so in the logs);
 * - unset or empty: no sender, nothing is sent.
 * A sender chosen but missing part of its configuration is an error at the first send, so
 * a production set-up cannot fail silently.
 */
import { recordLocalMail } from '../db/local-mail'
import type { Db } from '../db/session'

declare global {
  namespace Cloudflare {
    interface Env {
      /** `cloudflare`, `http`, `local` or empty (no e-mail); see worker/mail/senders.ts. */
      MAIL_SENDER?: string
      MAIL_FROM?: string
      MAIL_HTTP_URL?: string
      /** Secret: the HTTP provider's API key. */
      MAIL_HTTP_KEY?: string
      /** `[[send_email]]` binding, for MAIL_SENDER=cloudflare. */
      EMAIL?: SendEmail
    }
  }
}

export interface MailMessage {
  to: string
  subject: string
  text: string
}

export interface MailSender {
  readonly kind: 'cloudflare' | 'http' | 'local'
  send(message: MailMessage): Promise<void>
}

const misconfigured = (what: string) =>
  new Error(`MAIL_SENDER is set but ${what} is missing: no e-mail can be sent`)

function cloudflareSender(env: Env): MailSender {
  return {
    kind: 'cloudflare',
    async send(message) {
      if (!env.EMAIL) throw misconfigured('the EMAIL ([[send_email]]) binding')
      if (!env.MAIL_FROM) throw misconfigured('MAIL_FROM')
      await env.EMAIL.send({ from: env.MAIL_FROM, ...message })
    },
  }
}

function httpSender(env: Env): MailSender {
  return {
    kind: 'http',
    async send(message) {
      if (!env.MAIL_HTTP_URL || !env.MAIL_HTTP_KEY || !env.MAIL_FROM) {
        throw misconfigured('MAIL_HTTP_URL, MAIL_HTTP_KEY or MAIL_FROM')
      }
      const res = await fetch(env.MAIL_HTTP_URL, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${env.MAIL_HTTP_KEY}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          from: env.MAIL_FROM,
          to: [message.to],
          subject: message.subject,
          text: message.text,
        }),
        // A slow provider must not hold the moderator's request.
        signal: AbortSignal.timeout(5000),
      })
      if (!res.ok) throw new Error(`mail provider answered ${res.status}`)
    },
  }
}

function localSender(db: Db): MailSender {
  return {
    kind: 'local',
    async send(message) {
      await recordLocalMail(db, {
        to: message.to,
        subject: message.subject,
        body: message.text,
        at: new Date().toISOString(),
      })
      console.info(`local mail sender: recorded (not sent) « ${message.subject} »`)
    },
  }
}

/** The configured sender, or null when e-mail is off. */
export function mailSender(env: Env, db: Db): MailSender | null {
  switch (env.MAIL_SENDER?.trim()) {
    case 'cloudflare':
      return cloudflareSender(env)
    case 'http':
      return httpSender(env)
    case 'local':
      return localSender(db)
    default:
      return null
  }
}
