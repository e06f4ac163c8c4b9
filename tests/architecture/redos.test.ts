/**
 * No super-linear regular expression in the code that meets user input (issue 15: the
 * keywords split `/\s*[,;]\s*\/` held a Worker 5.6 s for an 80 KB form, a minute at the
 * 256 KiB limit). Every regex literal and `new RegExp('…')` of worker/ and web/ is read
 * with the TypeScript parser and checked by recheck (a ReDoS checker that decides the
 * backtracking complexity of a pattern and builds its attack string): each must be
 * `safe`, i.e. proved linear (or constant) in the input length, which bounds the steps
 * whatever is sent. A failure names the file, the line and the pattern.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { checkSync, type Diagnostics } from 'recheck'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { territoryCodePattern } from '../../worker/domain/territory'

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * Patterns built at run time, by file: each one is checked through every pattern its
 * builder makes in the code. A new computed RegExp fails until it is listed here.
 */
const COMPUTED: Record<string, () => RegExp[]> = {
  'worker/domain/territory.ts': () => {
    const kinds = ['com', 'epci', 'dep', 'reg'] as const
    return [
      territoryCodePattern(),
      ...(['required', 'optional'] as const).flatMap((prefix) => [
        territoryCodePattern(kinds, prefix),
        territoryCodePattern(['reg', 'dep'], prefix),
        ...kinds.map((k) => territoryCodePattern([k], prefix)),
      ]),
    ]
  },
}

interface Found {
  where: string
  source: string
  flags: string
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* sourceFiles(path)
    else if (/\.(ts|tsx|js)$/.test(name)) yield path
  }
}

/** Regex literals and `RegExp('…', '…')` calls of one file; a computed pattern cannot be checked. */
function regexesOf(file: string): (Found | { where: string; computed: true })[] {
  const text = readFileSync(file, 'utf8')
  const kind = file.endsWith('x')
    ? ts.ScriptKind.TSX
    : file.endsWith('.js')
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const found: (Found | { where: string; computed: true })[] = []
  const where = (node: ts.Node) =>
    `${relative(ROOT, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText()
      const end = literal.lastIndexOf('/')
      found.push({
        where: where(node),
        source: literal.slice(1, end),
        flags: literal.slice(end + 1),
      })
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? []
      if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags)))
        found.push({ where: where(node), source: pattern.text, flags: flags?.text ?? '' })
      else found.push({ where: where(node), computed: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(tree)
  return found
}

function check(source: string, flags: string): Diagnostics {
  return checkSync(source, flags, { timeout: 60_000 })
}

describe('regular expressions', () => {
  it('the checker flags the quadratic keywords split that issue 15 found', () => {
    const before = check('\\s*[,;]\\s*', '')
    expect(before.status).toBe('vulnerable')
    // Quadratic: its attack is a long run of whitespace that no separator ends.
    if (before.status === 'vulnerable') {
      expect(before.complexity.summary).toBe('2nd degree polynomial')
      expect(before.attack.pattern).toMatch(/^'\\t'\.repeat\(\d+\)/)
    }
  })

  it('every regex of worker/ and web/ is linear (recheck: safe)', () => {
    const all = ['worker', 'web'].flatMap((dir) =>
      [...sourceFiles(join(ROOT, dir))].flatMap(regexesOf)
    )
    expect(all.length).toBeGreaterThan(50)
    const problems: string[] = []
    for (const regex of all) {
      if ('computed' in regex) {
        const build = COMPUTED[regex.where.replace(/:\d+$/, '')]
        if (!build) problems.push(`${regex.where}: pattern built at run time, not in COMPUTED`)
        for (const built of build?.() ?? []) {
          const result = check(built.source, built.flags)
          if (result.status !== 'safe') problems.push(`${regex.where}: ${built} — ${result.status}`)
        }
        continue
      }
      const result = check(regex.source, regex.flags)
      if (result.status !== 'safe') {
        const detail =
          result.status === 'vulnerable'
            ? `${result.complexity.summary}, attack ${result.attack.pattern}`
            : `unknown (${result.error.kind})`
        problems.push(`${regex.where}: /${regex.source}/${regex.flags} — ${detail}`)
      }
    }
    expect(problems).toEqual([])
  }, 300_000)
})
