/**
 * Text of how practices spread: « essaimée à », the replication form, the graph and the
 * map of a practice's spread, and the replication statistics (feedback: feedback.ts).
 */
import { countOf } from './plural'

export const spreadFr = {
  section: 'Essaimage',
  adoptedBy: (n: number) =>
    n === 0
      ? 'Aucun territoire n’a encore déclaré l’avoir adoptée.'
      : `Adoptée par ${countOf('fr', n, 'territoire', 'territoires')}.`,
  spreadTo: 'Essaimée à',
  reproduces: 'Cette fiche reproduit',
  inspiredBy: 'Inspirée de',
  unpublished: 'une fiche qui n’est plus publiée',
  declare: 'Nous l’avons reproduite',
  declareHelp:
    'Votre collectivité ou votre structure a reproduit cette pratique ? Déclarez-le : après relecture, le lien apparaîtra sur les deux fiches.',
  replicationBy: (declarant: string, territory: string) => `${territory}, déclaré par ${declarant}`,
  adapted: 'Ce qui a été adapté :',
  since: (date: string) => `depuis ${date}`,
  ownRecord: 'Sa fiche',
  networkActor: 'sa structure dans le réseau :',
  elsewhere: 'Sa page',
  graphTitle: 'Graphe de l’essaimage',
  graphDesc: (links: number, generations: number) =>
    `${countOf('fr', links, 'reprise', 'reprises')} sur ${countOf('fr', generations, 'génération', 'générations')}, détaillées dans le tableau ci-dessous.`,
  generation: (n: number) => `Génération ${n}`,
  truncated: 'Seules les 40 premières reprises sur 3 générations sont montrées.',
  tableCaption: 'L’essaimage, génération par génération',
  colGeneration: 'Génération',
  colFrom: 'Reprise de',
  colAdopter: 'Par',
  colHow: 'Comment',
  citedBy: 'Cite cette fiche (« inspirée de »)',
  mapCaption: 'Régions où la pratique a été reprise',
  mapLegend: 'Reprises',
  stats: {
    title: 'Essaimage',
    lead: 'Une reprise est une reproduction déclarée et approuvée, ou une fiche publiée qui en cite une autre (« inspirée de »). Reçues : les pratiques du territoire reprises ailleurs ; données : les reprises faites sur le territoire.',
    caption: 'Reprises reçues et données',
    received: 'Reprises reçues',
    given: 'Reprises données',
    per100k: 'pour 100 000 habitants',
    per100Collectivites: 'pour 100 collectivités',
    mostReplicated: 'Pratiques les plus reprises',
    mostReplicatedTheme: (theme: string) => `Pratiques les plus reprises — ${theme}`,
    mostReplicatedIn: (name: string) => `Pratiques du territoire les plus reprises : ${name}`,
    takeUps: (n: number) => countOf('fr', n, 'reprise', 'reprises'),
    none: 'Aucune pratique n’a encore été reprise.',
    api: 'Ces chiffres en JSON',
  },
  form: {
    title: (title: string) => `Nous avons reproduit « ${title} »`,
    intro:
      'Sans compte. Votre déclaration est relue par l’équipe de modération avant d’apparaître sur la fiche ; elle compte alors dans le nombre de territoires qui ont adopté la pratique.',
    territory: 'Territoire qui l’a reproduite',
    territoryHelp:
      'Nom ou code de la commune, de l’intercommunalité, du département ou de la région, par exemple « Rennes » ou « 35238 ».',
    territoryChoose: (text: string) =>
      `Plusieurs territoires correspondent à « ${text} » : lequel ?`,
    declarantName: 'Qui déclare',
    declarantNameHelp: 'Le nom de votre collectivité, association ou structure.',
    declarantKind: 'Type de structure',
    relation: 'Comment l’avez-vous reproduite ?',
    progress: 'Où en êtes-vous ?',
    startDate: 'Depuis quand (facultatif)',
    startDateHelp: 'AAAA, AAAA-MM ou AAAA-MM-JJ, par exemple 2024-03.',
    adaptations: 'Ce que vous avez adapté (facultatif)',
    adaptationsHelp:
      'Ce que vous avez changé pour votre territoire, et pourquoi. 2000 caractères au plus.',
    adopterRecord: 'Votre fiche dans l’observatoire (facultatif)',
    adopterRecordHelp:
      'La fiche de votre projet, si vous l’avez publiée ici : cherchez-la par son titre.',
    actor: 'Votre structure dans le réseau (facultatif)',
    actorHelp:
      'Si votre structure a sa page dans le réseau (/acteurs), cherchez-la par son nom : la reproduction comptera parmi ce qu’elle apporte.',
    link: 'Votre page ailleurs (facultatif)',
    linkHelp: 'Une adresse commençant par https://.',
    submit: 'Envoyer la déclaration',
    errorsTitle: 'La déclaration n’a pas été envoyée',
    errors: {
      territory: 'Indiquez un territoire du référentiel (nom ou code).',
      territoryChoice: 'Choisissez l’un des territoires proposés.',
      declarantName: 'Indiquez le nom de votre collectivité ou structure (2 à 200 caractères).',
      declarantKind: 'Choisissez un type de structure.',
      relation: 'Choisissez comment vous l’avez reproduite.',
      progress: 'Choisissez où vous en êtes.',
      startDate: 'Date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ.',
      adaptations: 'Le texte dépasse 2000 caractères ou contient des caractères invalides.',
      adopterExperiment: 'Choisissez une autre fiche publiée de l’observatoire.',
      actorId: 'Choisissez une structure publiée du réseau.',
      link: 'Adresse web invalide : elle doit commencer par https:// ou http://.',
      robot: 'La vérification anti-robot a échoué : réessayez.',
    },
    thanksTitle: 'Merci pour votre déclaration',
    thanksText:
      'Elle sera relue par l’équipe de modération avant d’apparaître sur la fiche, en général sous quelques jours.',
    back: 'Retour à la fiche',
  },
}

export const spreadEn: typeof spreadFr = {
  section: 'Spread',
  adoptedBy: (n: number) =>
    n === 0
      ? 'No territory has declared adopting it yet.'
      : `Adopted by ${countOf('en', n, 'territory', 'territories')}.`,
  spreadTo: 'Spread to',
  reproduces: 'This record reproduces',
  inspiredBy: 'Inspired by',
  unpublished: 'a record no longer published',
  declare: 'We reproduced it',
  declareHelp:
    'Has your local authority or organisation reproduced this practice? Say so: once reviewed, the link shows on both records.',
  replicationBy: (declarant: string, territory: string) => `${territory}, declared by ${declarant}`,
  adapted: 'What was adapted:',
  since: (date: string) => `since ${date}`,
  ownRecord: 'Its record',
  networkActor: 'its organisation in the network:',
  elsewhere: 'Its page',
  graphTitle: 'Spread graph',
  graphDesc: (links: number, generations: number) =>
    `${countOf('en', links, 'take-up', 'take-ups')} over ${countOf('en', generations, 'generation', 'generations')}, listed in the table below.`,
  generation: (n: number) => `Generation ${n}`,
  truncated: 'Only the first 40 take-ups over 3 generations are shown.',
  tableCaption: 'The spread, generation by generation',
  colGeneration: 'Generation',
  colFrom: 'Taken from',
  colAdopter: 'By',
  colHow: 'How',
  citedBy: 'Cites this record (“inspired by”)',
  mapCaption: 'Regions where the practice was taken up',
  mapLegend: 'Take-ups',
  stats: {
    title: 'Spread',
    lead: 'A take-up is an approved replication, or a published record citing another one (“inspired by”). Received: the territory’s practices taken up elsewhere; given: the take-ups made in the territory.',
    caption: 'Take-ups received and given',
    received: 'Take-ups received',
    given: 'Take-ups given',
    per100k: 'per 100,000 inhabitants',
    per100Collectivites: 'per 100 local authorities',
    mostReplicated: 'Most taken-up practices',
    mostReplicatedTheme: (theme: string) => `Most taken-up practices — ${theme}`,
    mostReplicatedIn: (name: string) => `The territory’s most taken-up practices: ${name}`,
    takeUps: (n: number) => countOf('en', n, 'take-up', 'take-ups'),
    none: 'No practice has been taken up yet.',
    api: 'These figures as JSON',
  },
  form: {
    title: (title: string) => `We reproduced “${title}”`,
    intro:
      'No account needed. Your declaration is reviewed by the moderation team before it shows on the record; it then counts in the number of territories that adopted the practice.',
    territory: 'Territory that reproduced it',
    territoryHelp:
      'Name or code of the municipality, inter-municipality, département or region, for example “Rennes” or “35238”.',
    territoryChoose: (text: string) => `Several territories match “${text}”: which one?`,
    declarantName: 'Who declares',
    declarantNameHelp: 'The name of your local authority, association or organisation.',
    declarantKind: 'Kind of organisation',
    relation: 'How did you reproduce it?',
    progress: 'Where are you at?',
    startDate: 'Since when (optional)',
    startDateHelp: 'YYYY, YYYY-MM or YYYY-MM-DD, for example 2024-03.',
    adaptations: 'What you adapted (optional)',
    adaptationsHelp: 'What you changed for your territory, and why. 2000 characters at most.',
    adopterRecord: 'Your record in the observatory (optional)',
    adopterRecordHelp: 'Your project’s record, if you published it here: find it by title.',
    actor: 'Your organisation in the network (optional)',
    actorHelp:
      'If your organisation has its page in the network (/acteurs), find it by name: the replication will count among what it brings.',
    link: 'Your page elsewhere (optional)',
    linkHelp: 'An address starting with https://.',
    submit: 'Send the declaration',
    errorsTitle: 'The declaration was not sent',
    errors: {
      territory: 'Enter a territory of the reference (name or code).',
      territoryChoice: 'Choose one of the territories offered.',
      declarantName:
        'Enter the name of your local authority or organisation (2 to 200 characters).',
      declarantKind: 'Choose a kind of organisation.',
      relation: 'Choose how you reproduced it.',
      progress: 'Choose where you are at.',
      startDate: 'Date expected as YYYY, YYYY-MM or YYYY-MM-DD.',
      adaptations: 'The text is over 2000 characters or holds invalid characters.',
      adopterExperiment: 'Choose another published record of the observatory.',
      actorId: 'Choose a published organisation of the network.',
      link: 'Invalid web address: it must start with https:// or http://.',
      robot: 'The anti-robot check failed: try again.',
    },
    thanksTitle: 'Thank you for your declaration',
    thanksText:
      'The moderation team will review it before it shows on the record, usually within a few days.',
    back: 'Back to the record',
  },
}
