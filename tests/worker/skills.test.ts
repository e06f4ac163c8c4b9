/**
 * The skills vocabulary is data that forms, facets, matching and exports all read:
 * every code must be stable in form, unique, labelled in both languages, and the
 * record schemas must refuse what the vocabulary does not hold.
 */
import { describe, expect, it } from 'vitest'
import {
  HORIZONS,
  SKILL_FAMILIES,
  SKILL_TREE,
  SKILLS,
  SkillEntries,
  SkillEntry,
  SkillQuery,
  skillFamily,
  skillLabel,
} from '../../worker/domain/skills'

describe('skills vocabulary', () => {
  it('labels every family, skill and horizon in French and English', () => {
    for (const term of [...SKILL_FAMILIES, ...SKILLS, ...HORIZONS]) {
      expect(term.fr.trim(), term.code).not.toBe('')
      expect(term.en.trim(), term.code).not.toBe('')
      expect(term.fr, term.code).toBe(term.fr.trim())
      expect(term.en, term.code).toBe(term.en.trim())
    }
  })

  it('has unique codes and unique labels in each language', () => {
    const all = [...SKILL_FAMILIES, ...SKILLS]
    expect(new Set(all.map((t) => t.code)).size).toBe(all.length)
    expect(new Set(SKILLS.map((t) => t.fr)).size).toBe(SKILLS.length)
    expect(new Set(SKILLS.map((t) => t.en)).size).toBe(SKILLS.length)
  })

  it('nests 3 to 6 skills under each family, coded family.skill', () => {
    expect(SKILL_TREE.length).toBeGreaterThanOrEqual(10)
    for (const family of SKILL_TREE) {
      expect(family.code).toMatch(/^[a-z]+$/)
      expect(family.children.length).toBeGreaterThanOrEqual(3)
      expect(family.children.length).toBeLessThanOrEqual(6)
      for (const skill of family.children) {
        expect(skill.code).toMatch(new RegExp(`^${family.code}\\.[a-z]+$`))
        expect(skillFamily(skill.code)).toBe(family.code)
      }
    }
  })

  it('labels a code in the asked language and leaves an unknown code as is', () => {
    expect(skillLabel('ateliers.collectifs')).toBe('Ateliers collectifs d’initiation')
    expect(skillLabel('ateliers.collectifs', 'en')).toBe('Group introductory workshops')
    expect(skillLabel('formation', 'en')).toBe('Training')
    expect(skillLabel('nope.nope')).toBe('nope.nope')
  })

  it('accepts a family or a skill as a need, nothing else', () => {
    expect(SkillQuery.safeParse('formation').success).toBe(true)
    expect(SkillQuery.safeParse('formation.compagnonnage').success).toBe(true)
    expect(SkillQuery.safeParse('formation.inconnue').success).toBe(false)
  })

  it('validates an offer or a need: known skill, short clean text, known horizon, no repeat', () => {
    expect(
      SkillEntry.parse({
        skill: 'ressources.salles',
        text: ' Une salle de 20 places ',
        horizon: 'durable',
      })
    ).toEqual({ skill: 'ressources.salles', text: 'Une salle de 20 places', horizon: 'durable' })
    expect(SkillEntry.safeParse({ skill: 'ressources' }).success).toBe(false)
    expect(SkillEntry.safeParse({ skill: 'ressources.salles', horizon: 'toujours' }).success).toBe(
      false
    )
    expect(
      SkillEntry.safeParse({ skill: 'ressources.salles', text: 'x'.repeat(281) }).success
    ).toBe(false)
    const twice = SkillEntries.safeParse([
      { skill: 'ressources.salles' },
      { skill: 'ressources.salles' },
    ])
    expect(twice.success).toBe(false)
  })
})
