/**
 * Text of the network pages built on the actors: « Qui peut m'aider ? », the reverse
 * « Qui a besoin de ce que j'apporte ? », an actor's experiments and contributions, an
 * experiment's actors and the contributors of a territory.
 */
import { countOf } from './plural'

export const networkFr = {
  help: {
    title: 'Qui peut m’aider ?',
    description:
      'Dites de quelle compétence vous avez besoin et où : les structures du réseau qui la proposent, les plus proches d’abord.',
    lead: 'Sans compte : choisissez une compétence et votre territoire. Les structures qui la proposent apparaissent de la plus proche à la plus lointaine (même commune, même intercommunalité, même département, même région, puis celles qui agissent dans toute la France), avec ce qu’elles proposent.',
    skill: 'Compétence recherchée',
    skillHelp: 'Une compétence précise, ou toute une famille si vous hésitez.',
    anySkillOf: (family: string) => `${family} (toute la famille)`,
    place: 'Votre commune ou territoire',
    placeHelp: 'Un nom (Mortagne-au-Perche, Orne, Normandie) ou un code (com:61293, dep:61).',
    theme: 'Thématique (facultatif)',
    themeHelp: 'Seulement les structures porteuses d’une expérience de ce thème.',
    anyTheme: 'Toutes',
    submit: 'Chercher',
    errors: {
      skill: 'Choisissez une compétence.',
      place: 'Indiquez votre commune ou votre territoire.',
      unknownPlace: (text: string) => `Aucun territoire ne correspond à « ${text} ».`,
      severalPlaces: (text: string) =>
        `Plusieurs territoires s’appellent « ${text} » : choisissez le vôtre ci-dessous.`,
    },
    errorTitle: (title: string) => `Erreur : ${title}`,
    choose: 'Lequel ?',
    resultsTitle: (n: number, place: string) =>
      `${countOf('fr', n, 'structure peut', 'structures peuvent')} vous aider autour de ${place}`,
    none: 'Personne ne propose encore cette compétence près de chez vous.',
    noneNext: 'Inscrivez votre besoin : les structures qui peuvent y répondre le verront.',
    stateNeed: 'Exprimer un besoin ou présenter ma structure',
    offers: 'propose',
    needs: 'a besoin de',
    engineFallback: 'Résultats du moteur de secours.',
  },
  reverse: {
    title: 'Qui a besoin de ce que j’apporte ?',
    lead: 'Les structures proches qui ont exprimé un besoin dans les compétences que celle-ci propose.',
    none: 'Aucune structure proche n’a encore exprimé de besoin dans ces compétences.',
    noOffers: 'Cette structure n’a pas encore dit ce qu’elle propose.',
  },
  horizon: (label: string) => `(${label.toLowerCase()})`,
  quote: (text: string) => `« ${text} »`,
  linkedExperiments: {
    title: 'Ses expériences',
    none: 'Aucune expérience publiée ne la nomme encore comme porteur ou partenaire.',
    linkWith:
      'Pour relier une expérience à cette structure, cherchez son nom dans le champ « Fiche de la structure dans le réseau » du formulaire de l’expérience.',
    lead: 'porteur',
    partner: 'partenaire',
    replicatedTitle: 'Pratiques qu’elle a reproduites',
    replicatedItem: 'a reproduit',
    replicatedIn: (territory: string) => `à ${territory}`,
    reviewsTitle: 'Ses retours sur les pratiques d’autres structures',
    reviewItem: 'retour d’expérience sur',
  },
  experimentActors: {
    title: 'Acteurs du réseau',
    lead: 'Porteur',
    partner: 'Partenaire',
  },
  recognition: {
    title: 'Ce qu’elle apporte au réseau',
    lead: 'Compté à partir de ce que l’observatoire sait, par rôle, sans classement entre les rôles.',
    led: (n: number) => countOf('fr', n, 'expérience portée', 'expériences portées'),
    partnered: (n: number) =>
      countOf('fr', n, 'expérience en partenariat', 'expériences en partenariat'),
    inspired: (n: number) =>
      countOf(
        'fr',
        n,
        'expérience ailleurs s’inspire des siennes',
        'expériences ailleurs s’inspirent des siennes'
      ),
    offers: (n: number) => countOf('fr', n, 'compétence proposée', 'compétences proposées'),
    replicated: (n: number) =>
      countOf('fr', n, 'pratique d’ailleurs reproduite', 'pratiques d’ailleurs reproduites'),
    takenUp: (n: number) =>
      countOf(
        'fr',
        n,
        'reprise de ses expériences déclarée ailleurs',
        'reprises de ses expériences déclarées ailleurs'
      ),
    events: (n: number) => countOf('fr', n, 'événement organisé', 'événements organisés'),
    reviewed: (n: number) =>
      countOf(
        'fr',
        n,
        'retour sur la pratique d’une autre structure',
        'retours sur des pratiques d’autres structures'
      ),
    roles: {
      innovator: 'Innovatrice',
      partner: 'Partenaire',
      inspirer: 'Source d’inspiration',
      resource: 'Personne-ressource',
      replicator: 'Diffuseuse',
      organiser: 'Organisatrice',
      reviewer: 'Relectures',
    },
  },
  contributors: {
    title: (place: string) => `Contributeurs : ${place}`,
    description: (place: string) =>
      `Les structures du réseau qui agissent dans ce territoire (${place}) et ce qu’elles apportent.`,
    lead: 'Chaque structure avec ce qu’elle apporte, par rôle : aucun rôle ne compte plus qu’un autre, et la liste suit l’ordre alphabétique.',
    none: 'Aucune structure publiée n’agit encore dans ce territoire.',
    link: 'Contributeurs de ce territoire',
  },
}

export const networkEn: typeof networkFr = {
  help: {
    title: 'Who can help me?',
    description:
      'Say which skill you need and where: the network’s organisations offering it, nearest first.',
    lead: 'No account needed: pick a skill and your area. Organisations offering it are listed from the nearest to the farthest (same municipality, same inter-municipality, same département, same region, then those working across France), with what they offer.',
    skill: 'Skill you need',
    skillHelp: 'One precise skill, or a whole family if unsure.',
    anySkillOf: (family: string) => `${family} (whole family)`,
    place: 'Your municipality or area',
    placeHelp: 'A name (Mortagne-au-Perche, Orne, Normandie) or a code (com:61293, dep:61).',
    theme: 'Theme (optional)',
    themeHelp: 'Only organisations leading an experiment on this theme.',
    anyTheme: 'All',
    submit: 'Search',
    errors: {
      skill: 'Pick a skill.',
      place: 'Give your municipality or area.',
      unknownPlace: (text: string) => `No area matches “${text}”.`,
      severalPlaces: (text: string) => `Several areas are called “${text}”: pick yours below.`,
    },
    errorTitle: (title: string) => `Error: ${title}`,
    choose: 'Which one?',
    resultsTitle: (n: number, place: string) =>
      `${countOf('en', n, 'organisation', 'organisations')} can help you around ${place}`,
    none: 'Nobody offers this skill near you yet.',
    noneNext: 'State your need: organisations that can meet it will see it.',
    stateNeed: 'State a need or present my organisation',
    offers: 'offers',
    needs: 'needs',
    engineFallback: 'Results from the fallback engine.',
  },
  reverse: {
    title: 'Who needs what I bring?',
    lead: 'Nearby organisations that stated a need in the skills this one offers.',
    none: 'No nearby organisation has stated a need in these skills yet.',
    noOffers: 'This organisation has not said what it offers yet.',
  },
  horizon: (label: string) => `(${label.toLowerCase()})`,
  quote: (text: string) => `“${text}”`,
  linkedExperiments: {
    title: 'Its experiments',
    none: 'No published experiment names it as lead or partner yet.',
    linkWith:
      'To link an experiment to this organisation, find its name in the “network page” field of the experiment’s form.',
    lead: 'lead',
    partner: 'partner',
    replicatedTitle: 'Practices it reproduced',
    replicatedItem: 'reproduced',
    replicatedIn: (territory: string) => `in ${territory}`,
    reviewsTitle: 'Its feedback on other organisations’ practices',
    reviewItem: 'feedback on',
  },
  experimentActors: {
    title: 'Network actors',
    lead: 'Lead',
    partner: 'Partner',
  },
  recognition: {
    title: 'What it brings to the network',
    lead: 'Counted from what the observatory knows, by role, with no ranking between roles.',
    led: (n: number) => countOf('en', n, 'experiment led', 'experiments led'),
    partnered: (n: number) => countOf('en', n, 'experiment as partner', 'experiments as partner'),
    inspired: (n: number) =>
      countOf(
        'en',
        n,
        'experiment elsewhere draws on its own',
        'experiments elsewhere draw on its own'
      ),
    offers: (n: number) => countOf('en', n, 'skill offered', 'skills offered'),
    replicated: (n: number) =>
      countOf('en', n, 'practice from elsewhere reproduced', 'practices from elsewhere reproduced'),
    takenUp: (n: number) =>
      countOf(
        'en',
        n,
        'take-up of its experiments declared elsewhere',
        'take-ups of its experiments declared elsewhere'
      ),
    events: (n: number) => countOf('en', n, 'event organised', 'events organised'),
    reviewed: (n: number) =>
      countOf(
        'en',
        n,
        'review of another organisation’s practice',
        'reviews of other organisations’ practices'
      ),
    roles: {
      innovator: 'Innovator',
      partner: 'Partner',
      inspirer: 'Source of inspiration',
      resource: 'Resource',
      replicator: 'Spreader',
      organiser: 'Organiser',
      reviewer: 'Reviews',
    },
  },
  contributors: {
    title: (place: string) => `Contributors: ${place}`,
    description: (place: string) =>
      `The network’s organisations working in this area (${place}) and what they bring.`,
    lead: 'Each organisation with what it brings, by role: no role counts more than another, and the list is in alphabetical order.',
    none: 'No published organisation works in this area yet.',
    link: 'Contributors of this area',
  },
}
