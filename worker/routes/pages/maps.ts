/**
 * `/cartes/{level}-{version}.svg`: the map outlines the pages' maps `<use>` (web/map/sprite.ts).
 * The current version is cached for a year (a redraw changes the name); an old name still
 * gets the current drawing, briefly cached, so a page cached before a redraw keeps its map.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { mapSprite, mapSpriteVersion } from '../../../web/map/sprite'

const FOREVER = 'public, max-age=31536000, immutable'
const BRIEFLY = 'public, max-age=300'

export const mapOutlines = new Hono<AppEnv>().get(
  '/cartes/:file{(?:reg|dep)-[0-9a-z]+\\.svg}',
  (c) => {
    const [name = '', version = ''] = c.req.param('file').slice(0, -'.svg'.length).split('-')
    const level = name === 'reg' ? 'reg' : 'dep'
    return c.body(mapSprite(level), 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': version === mapSpriteVersion(level) ? FOREVER : BRIEFLY,
    })
  }
)
