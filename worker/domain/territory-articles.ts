/**
 * How French joins « de » to a région's or département's name, from the COG's own
 * article data (`typeLiaison`, INSEE's TNCC, as `@etalab/decoupage-administratif` carries
 * it): « du Finistère », « des Hauts-de-Seine », « de la Nouvelle-Aquitaine »,
 * « d'Ille-et-Vilaine », « de La Réunion ». The COG stores names without their article
 * (« Finistère », TNCC 2 = « le »), so the article cannot be read off the name itself.
 * Codes absent below have TNCC 0 (« de » + the name as written, « de La Réunion »).
 * tests/worker/french-text.test.ts checks this table against the package.
 */

/** The COG's TNCC of the régions and départements whose TNCC is not 0, in the COG's words. */
const TNCC: Record<1 | 2 | 3 | 4 | 5, string> = {
  // « d' » + name without article: « d'Île-de-France », « d'Ille-et-Vilaine ».
  1: 'reg:11 reg:76 reg:84 dep:28 dep:35 dep:37',
  // « le » → « du »
  2: 'reg:24 reg:44 dep:14 dep:15 dep:18 dep:25 dep:29 dep:30 dep:32 dep:39 dep:41 dep:45 dep:46 dep:47 dep:56 dep:59 dep:62 dep:63 dep:67 dep:68 dep:69 dep:81 dep:82 dep:83 dep:84 dep:90 dep:94 dep:95',
  // « la » → « de la »
  3: 'reg:01 reg:02 reg:03 reg:75 dep:16 dep:17 dep:19 dep:21 dep:23 dep:24 dep:26 dep:2A dep:2B dep:31 dep:33 dep:42 dep:43 dep:44 dep:48 dep:50 dep:51 dep:52 dep:53 dep:55 dep:57 dep:58 dep:70 dep:72 dep:73 dep:74 dep:76 dep:80 dep:85 dep:86 dep:87 dep:93 dep:971 dep:972 dep:973',
  // « les » → « des »
  4: 'reg:32 reg:52 dep:04 dep:05 dep:06 dep:08 dep:13 dep:22 dep:40 dep:64 dep:65 dep:66 dep:78 dep:79 dep:88 dep:92',
  // « l' » → « de l' »
  5: 'dep:01 dep:02 dep:03 dep:07 dep:09 dep:10 dep:11 dep:12 dep:27 dep:34 dep:36 dep:38 dep:60 dep:61 dep:89 dep:91',
}

const TNCC_BY_CODE = new Map<string, number>(
  Object.entries(TNCC).flatMap(([tncc, codes]) =>
    codes.split(' ').map((code) => [code, Number(tncc)] as const)
  )
)

/** The COG's TNCC of a typed code (`dep:29` → 2); 0 for any code not listed. */
export function tnccOf(code: string): number {
  return TNCC_BY_CODE.get(code) ?? 0
}

const JOIN = ['de ', 'd’', 'du ', 'de la ', 'des ', 'de l’'] as const

/** « de » joined to a territory's name as French writes it: « du Finistère ». */
export function frenchOf(territory: { code: string; name: string }): string {
  return `${JOIN[tnccOf(territory.code)] ?? 'de '}${territory.name}`
}
