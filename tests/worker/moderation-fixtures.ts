/**
 * Test data shared by the moderation test files. They publish many records; the worker
 * test files share storage and the search index, so these records use their own wording,
 * theme and territory and never compete with other files' search or similarity
 * expectations.
 */
export function moderationInput(title: string) {
  return {
    title,
    summary: 'Registre interne de contrôle du bureau de modération, sans objet public.',
    lead: { name: 'Collectivité de contrôle', kind: 'region' as const },
    territories: ['reg:94'],
    themes: ['cybersecurity.sensibilisation'],
    privateContact: { email: 'referent@example.fr' },
  }
}
