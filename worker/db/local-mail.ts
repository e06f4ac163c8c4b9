/** The local mail sender's record (migration 0010): what would have been sent, in development. */
import type { Db } from './session'

export interface LocalMail {
  to: string
  subject: string
  body: string
  at: string
}

export async function recordLocalMail(db: Db, mail: LocalMail): Promise<void> {
  await db
    .prepare(
      'INSERT INTO local_mail (to_address, subject, body, created_at) VALUES (?1, ?2, ?3, ?4)'
    )
    .bind(mail.to, mail.subject, mail.body, mail.at)
    .run()
}
