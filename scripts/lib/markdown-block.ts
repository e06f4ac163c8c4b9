/**
 * Generated sections of hand-written Markdown files (BENCHMARKS.md): the block between
 * `<!-- key -->` and `<!-- /key -->` is replaced by the latest run, the prose around it is
 * never touched. A file without the block gets it appended.
 */
import { readFile, writeFile } from 'node:fs/promises'

export async function replaceMarkedBlock(file: string, key: string, markdown: string) {
  const begin = `<!-- ${key} -->`
  const end = `<!-- /${key} -->`
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n')
  const block = `${begin}\n${markdown}\n${end}`
  const i = current.indexOf(begin)
  const j = current.indexOf(end)
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + block + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${block}\n`
  await writeFile(file, next)
}
