-- Migration number: 0022 	 Feedback given on behalf of an actor of the network.
-- A retour d'expérience may name the structure it speaks for (« au nom de quelle
-- structure ? »); once published, feedback on a practice that structure neither leads nor
-- partners counts as a review of others' records in its contributions. No FK, like
-- replications.actor_id: actors are a separate concept, checked by the service.
ALTER TABLE feedback ADD COLUMN actor_id TEXT;

-- Contributions count reviews for every actor of a contributors page, and an actor's page
-- lists them: both read feedback by actor_id.
CREATE INDEX feedback_actor ON feedback (actor_id, status) WHERE actor_id IS NOT NULL;
