/**
 * Text of the record picker: find a published experiment or a structure of the network
 * by name in a form, and see it by name once chosen.
 */
export const pickerFr = {
  search: 'Rechercher',
  searchLabel: {
    experiment: (field: string) => `${field} : rechercher une expérience publiée`,
    actor: (field: string) => `${field} : rechercher une structure du réseau`,
  },
  searchHelp: {
    experiment: 'Quelques mots du titre ou le territoire, puis « Rechercher ».',
    actor: 'Quelques lettres du nom ou le territoire, puis « Rechercher ».',
  },
  none: 'Aucune',
  noResult: (q: string) => `Rien de publié ne correspond à « ${q} ».`,
  found: (q: string) => `Trouvé pour « ${q} » : choisissez ci-dessous.`,
  typeSomething: 'Saisissez quelques mots avant de rechercher.',
  /** Said by the combobox: how many options, and how to pick one. */
  options: (n: number) =>
    n === 0
      ? 'Aucun résultat.'
      : `${n} résultat${n > 1 ? 's' : ''}, flèches haut et bas pour parcourir, Entrée pour choisir.`,
  chosen: (title: string) => `${title} : choisi.`,
  remove: 'Retirer',
  unknown: {
    experiment: 'Fiche introuvable ou non publiée',
    actor: 'Structure introuvable ou non publiée',
  },
  errors: {
    experiment:
      'Choisissez une expérience publiée de l’observatoire (cette fiche est introuvable ou non publiée).',
    actor: 'Choisissez une structure publiée du réseau (celle-ci est introuvable ou non publiée).',
  },
}

export const pickerEn: typeof pickerFr = {
  search: 'Search',
  searchLabel: {
    experiment: (field: string) => `${field}: find a published experiment`,
    actor: (field: string) => `${field}: find an organisation of the network`,
  },
  searchHelp: {
    experiment: 'A few words of the title or the area, then “Search”.',
    actor: 'A few letters of the name or the area, then “Search”.',
  },
  none: 'None',
  noResult: (q: string) => `Nothing published matches “${q}”.`,
  found: (q: string) => `Found for “${q}”: choose below.`,
  typeSomething: 'Type a few words before searching.',
  options: (n: number) =>
    n === 0
      ? 'No results.'
      : `${n} result${n > 1 ? 's' : ''}, up and down arrows to browse, Enter to choose.`,
  chosen: (title: string) => `${title}: chosen.`,
  remove: 'Remove',
  unknown: {
    experiment: 'Record not found or not published',
    actor: 'Organisation not found or not published',
  },
  errors: {
    experiment:
      'Choose a published experiment of the observatory (this record is not found or not published).',
    actor:
      'Choose a published organisation of the network (this one is not found or not published).',
  },
}
