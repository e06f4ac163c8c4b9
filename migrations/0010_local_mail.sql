-- Migration number: 0010 	 Messages recorded by the local mail sender (development and tests only).

-- With MAIL_SENDER=local, the notifications to contributors are written here instead of
-- being sent: nothing leaves the machine, and tests read what would have been sent. The
-- Cloudflare Email and HTTP senders never write to it.
CREATE TABLE local_mail (
  id INTEGER PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
