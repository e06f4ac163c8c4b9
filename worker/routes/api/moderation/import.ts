/**
 * `POST /api/moderation/import`: bulk import for moderators (JSON array, NDJSON or CSV).
 * A plain Hono route documented by hand, because its body comes in three media types
 * that the service parses itself to report errors per row and per field.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { ImportRow } from '../../../open-data/schema'
import { requireModerator } from '../../../http/moderator-auth'
import { fieldErrors, ProblemError } from '../../../http/problem'
import { createRouter } from '../../../http/router'
import { utf8Text } from '../../../http/utf8'
import {
  IMPORT_MAX_ROWS,
  ImportReport,
  parseImportBody,
  type ImportFormat,
} from '../../../open-data/import-rows'
import { IMPORT_MAX_BYTES, importExperiments } from '../../../services/moderation/import'
import { QueryFlag } from '../params'
import { bearerAuth, problems } from '../responses'

const ImportQuery = z.object({
  dryRun: QueryFlag.openapi({ description: 'true : tout valider sans rien écrire' }),
  publish: QueryFlag.openapi({
    description: 'true : publier directement ; false (défaut) : fiches en attente de modération',
  }),
  contactEmail: z.email().max(254).optional().openapi({
    description:
      'Contact privé à enregistrer pour les lignes qui n’en ont pas (les exports n’en contiennent jamais).',
  }),
})

const route = createRoute({
  method: 'post',
  path: '/moderation/import',
  tags: ['Modération'],
  summary: 'Importer des fiches en masse (JSON, NDJSON ou CSV)',
  description: `Chaque ligne est validée avec le schéma de proposition (plus \`sourceId\` facultatif) ; les erreurs sont rapportées par ligne et par champ, les lignes valides sont écrites entières ou pas du tout. Réimporter le même \`sourceId\` (ou l’\`id\` d’une fiche exportée) met la fiche à jour au lieu de la dupliquer. ${IMPORT_MAX_ROWS} lignes et ${IMPORT_MAX_BYTES / 1024 / 1024} Mio au plus par requête : \`npm run import\` découpe les fichiers plus gros.`,
  security: bearerAuth,
  request: {
    query: ImportQuery,
    body: {
      required: true,
      content: {
        'application/json': { schema: z.array(ImportRow) },
        'application/x-ndjson': {
          schema: z.string().openapi({ description: 'Une fiche JSON par ligne' }),
        },
        'text/csv': {
          schema: z.string().openapi({
            description:
              'Colonnes du Table Schema (/api/schemas/v1/experiment.tableschema.json) ; colonnes d’import en plus : source_id, private_contact_email, private_contact_name, private_contact_phone.',
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Compte rendu ligne par ligne',
      content: { 'application/json': { schema: ImportReport } },
    },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    413: problems[413],
    415: problems[415],
  },
})

function formatOf(contentType: string): ImportFormat {
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  if (type === 'text/csv') return 'csv'
  if (type === 'application/x-ndjson' || type === 'application/ndjson') return 'ndjson'
  if (type === 'application/json') return 'json'
  throw new ProblemError(
    415,
    'Envoyez le fichier en application/json (tableau), application/x-ndjson ou text/csv.'
  )
}

const router = createRouter()
router.openAPIRegistry.registerPath(route)

export const importApi = router.post(
  route.path,
  requireModerator,
  bodyLimit({
    maxSize: IMPORT_MAX_BYTES,
    onError: () => {
      throw new ProblemError(
        413,
        `Le corps dépasse ${IMPORT_MAX_BYTES / 1024 / 1024} Mio : découpez le fichier.`
      )
    },
  }),
  async (c) => {
    const format = formatOf(c.req.header('content-type') ?? '')
    const query = ImportQuery.safeParse(c.req.query())
    if (!query.success) {
      throw new ProblemError(400, 'Paramètres invalides.', fieldErrors(query.error.issues, 'query'))
    }
    const rows = parseImportBody(await utf8Text(c), format)
    const report = await importExperiments(c.var.db, rows, {
      format,
      ...query.data,
      moderator: c.var.moderator,
    })
    return c.json(report, 200, { 'cache-control': 'no-store' })
  }
)
