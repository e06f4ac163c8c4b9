/**
 * Awkward text for the edge, backup and fuzz tests (issue 15): what every text field must
 * refuse, and the characters it must accept and give back intact (after NFC and newline
 * folding) through storage, exports and a backup.
 */

/** Refused in any text field, each for a reason the 400 names. */
export const REFUSED_TEXT: Record<string, string> = {
  nul: 'a\u0000b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': 'a\udc00b',
  escape: 'a\u001b[31mb',
  bell: 'a\u0007b',
  delete: 'a\u007fb',
  'C1 next line': 'a\u0085b',
  'C1 CSI': 'a\u009bb',
  'vertical tab': 'a\u000bb',
  'zero-width only': '\u200b\u200b\u200b\u200b\u200b\u200b',
  'BOM and joiners only': '\ufeff\u200d\u2060\u00ad\u200c',
  'bidi marks only': '\u202e\u2066\u200f\u061c',
}

/** Accepted, with what is stored. Each value is long enough for any minimum length. */
export const ACCEPTED_TEXT: { sent: string; stored: string }[] = [
  { sent: 'Tabulation\tdans le texte', stored: 'Tabulation\tdans le texte' },
  { sent: 'Saut de ligne\r\nWindows\rMac', stored: 'Saut de ligne\nWindows\nMac' },
  { sent: 'Décomposé : e\u0301te\u0301', stored: 'Décomposé : été' },
  { sent: 'Émoji 👩🏽‍💻 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', stored: 'Émoji 👩🏽‍💻 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢' },
  { sent: 'Bidi \u202bשלום\u202c et مرحبا', stored: 'Bidi \u202bשלום\u202c et مرحبا' },
  { sent: 'Quotes \' " ` ; -- /* */ \\ %00 %', stored: 'Quotes \' " ` ; -- /* */ \\ %00 %' },
  { sent: 'Séparateurs\u2028de\u2029ligne', stored: 'Séparateurs\u2028de\u2029ligne' },
  {
    sent: 'Espaces\u00a0insécables\u202fet fines',
    stored: 'Espaces\u00a0insécables\u202fet fines',
  },
  { sent: 'Mot\u200bcoupé et BOM\ufeffau milieu', stored: 'Mot\u200bcoupé et BOM\ufeffau milieu' },
  { sent: 'Remplacement \ufffd et 漢字', stored: 'Remplacement \ufffd et 漢字' },
  { sent: '=HYPERLINK("https://exemple.fr";"x")', stored: '=HYPERLINK("https://exemple.fr";"x")' },
  { sent: '  espaces autour  ', stored: 'espaces autour' },
]
