/**
 * Text of experience feedback (« retours d'expérience »): the section on a record (counts,
 * each answer, its report button) and the form that leaves one without JavaScript.
 * Errors name their field first, so the summary at the top reads on its own.
 */
import { countOf } from './plural'

export const feedbackFr = {
  title: 'Retours d’expérience',
  count: (n: number) =>
    n === 0
      ? 'Aucun retour publié pour l’instant.'
      : countOf('fr', n, 'retour publié', 'retours publiés'),
  recommendTitle: 'Le recommanderiez-vous ?',
  recommendSummary: (yes: number, no: number) =>
    `${countOf('fr', yes, 'le recommande', 'le recommandent')}, ${countOf('fr', no, 'ne le recommande pas', 'ne le recommandent pas')}.`,
  argumentsSummary: (pro: number, con: number) =>
    `${countOf('fr', pro, 'argument', 'arguments')} pour, ${countOf('fr', con, 'argument', 'arguments')} contre.`,
  answers: (n: number) => countOf('fr', n, 'réponse', 'réponses'),
  by: (author: string, role: string) => `${author} — ${role}`,
  onBehalfOf: 'Au nom de',
  tried: 'Ce qui a été essayé',
  worked: 'Ce qui a marché',
  didNotWork: 'Ce qui n’a pas marché',
  recommends: 'Le recommande :',
  for: 'Pour',
  against: 'Contre',
  leave: 'Laisser un retour d’expérience',
  leaveHelp:
    'Vous avez essayé cette pratique, ou vous en avez bénéficié ? Dites ce qui a marché et ce qui n’a pas marché : après relecture, votre retour apparaîtra ici.',
  report: 'Signaler ce retour',
  reportHelp: 'Un retour faux, injurieux ou hors sujet repasse devant l’équipe de modération.',
  api: 'Ces retours en JSON',
  form: {
    title: (title: string) => `Retour d’expérience sur « ${title} »`,
    intro:
      'Sans compte. Votre retour est relu par l’équipe de modération avant d’apparaître sur la fiche. Ne donnez aucune information personnelle sur d’autres personnes.',
    role: 'Qui êtes-vous ?',
    territory: 'Votre territoire (facultatif)',
    territoryHelp:
      'Nom ou code de la commune, de l’intercommunalité, du département ou de la région, par exemple « Rennes » ou « 35238 ».',
    territoryChoose: (text: string) =>
      `Plusieurs territoires correspondent à « ${text} » : lequel ?`,
    actor: 'Au nom de quelle structure ? (facultatif)',
    actorHelp:
      'Si vous répondez pour une structure qui a sa page dans le réseau (/acteurs), cherchez-la par son nom. Sur la pratique d’une autre structure, votre retour publié comptera parmi ses relectures.',
    authorName: 'Signature du retour',
    authorNameHelp:
      'Le nom de votre structure ou votre fonction, par exemple « Service numérique de la mairie ».',
    tried: 'Ce que vous avez essayé',
    triedHelp: 'En quelques phrases : ce que vous avez mis en place ou utilisé, où et quand.',
    worked: 'Ce qui a marché (facultatif)',
    didNotWork: 'Ce qui n’a pas marché (facultatif)',
    textHelp: '2000 caractères au plus.',
    recommend: 'Recommanderiez-vous cette pratique ?',
    argumentsFor: 'Arguments pour (facultatif)',
    argumentsAgainst: 'Arguments contre (facultatif)',
    argumentsHelp: 'Un argument court par ligne, 5 au plus, 200 caractères chacun.',
    submit: 'Envoyer le retour',
    errorsTitle: 'Le retour n’a pas été envoyé',
    errors: {
      role: 'Choisissez ce qui vous décrit le mieux.',
      territory: 'Indiquez un territoire du référentiel (nom ou code), ou laissez vide.',
      territoryChoice: 'Choisissez l’un des territoires proposés.',
      actorId: 'Choisissez une structure publiée du réseau, ou « Aucune ».',
      authorName: 'Indiquez comment signer votre retour (2 à 200 caractères).',
      tried: 'Dites en quelques mots ce que vous avez essayé (10 à 2000 caractères).',
      worked: 'Le texte dépasse 2000 caractères ou contient des caractères invalides.',
      didNotWork: 'Le texte dépasse 2000 caractères ou contient des caractères invalides.',
      recommend: 'Choisissez une réponse.',
      argumentsFor: '5 arguments au plus, de 2 à 200 caractères chacun, un par ligne.',
      argumentsAgainst: '5 arguments au plus, de 2 à 200 caractères chacun, un par ligne.',
      robot: 'La vérification anti-robot a échoué : réessayez.',
    },
    thanksTitle: 'Merci pour votre retour',
    thanksText:
      'Il sera relu par l’équipe de modération avant d’apparaître sur la fiche, en général sous quelques jours.',
    reportedTitle: 'Merci, le retour est signalé',
    reportedText: 'L’équipe de modération va le relire ; il reste affiché jusqu’à sa décision.',
    back: 'Retour à la fiche',
  },
}

export const feedbackEn: typeof feedbackFr = {
  title: 'Experience feedback',
  count: (n: number) =>
    n === 0
      ? 'No feedback published yet.'
      : countOf('en', n, 'published answer', 'published answers'),
  recommendTitle: 'Would you recommend it?',
  recommendSummary: (yes: number, no: number) =>
    `${countOf('en', yes, 'would recommend it', 'would recommend it')}, ${countOf('en', no, 'would not', 'would not')}.`,
  argumentsSummary: (pro: number, con: number) =>
    `${countOf('en', pro, 'argument', 'arguments')} for, ${countOf('en', con, 'argument', 'arguments')} against.`,
  answers: (n: number) => countOf('en', n, 'answer', 'answers'),
  by: (author: string, role: string) => `${author} — ${role}`,
  onBehalfOf: 'On behalf of',
  tried: 'What was tried',
  worked: 'What worked',
  didNotWork: 'What did not work',
  recommends: 'Recommends it:',
  for: 'For',
  against: 'Against',
  leave: 'Leave experience feedback',
  leaveHelp:
    'Have you tried this practice, or benefited from it? Say what worked and what did not: once reviewed, your feedback shows here.',
  report: 'Report this feedback',
  reportHelp: 'False, abusive or off-topic feedback goes back to the moderation team.',
  api: 'This feedback as JSON',
  form: {
    title: (title: string) => `Experience feedback on “${title}”`,
    intro:
      'No account needed. The moderation team reviews your feedback before it shows on the record. Give no personal information about other people.',
    role: 'Who are you?',
    territory: 'Your territory (optional)',
    territoryHelp:
      'Name or code of the municipality, inter-municipality, département or region, for example “Rennes” or “35238”.',
    territoryChoose: (text: string) => `Several territories match “${text}”: which one?`,
    actor: 'On behalf of which organisation? (optional)',
    actorHelp:
      'If you answer for an organisation that has its page in the network (/acteurs), find it by name. On another organisation’s practice, your published feedback will count among its reviews.',
    authorName: 'Signed by',
    authorNameHelp:
      'The name of your organisation or your position, for example “Town hall digital service”.',
    tried: 'What you tried',
    triedHelp: 'In a few sentences: what you set up or used, where and when.',
    worked: 'What worked (optional)',
    didNotWork: 'What did not work (optional)',
    textHelp: '2000 characters at most.',
    recommend: 'Would you recommend this practice?',
    argumentsFor: 'Arguments for (optional)',
    argumentsAgainst: 'Arguments against (optional)',
    argumentsHelp: 'One short argument per line, 5 at most, 200 characters each.',
    submit: 'Send the feedback',
    errorsTitle: 'The feedback was not sent',
    errors: {
      role: 'Choose what describes you best.',
      territory: 'Enter a territory of the reference (name or code), or leave it empty.',
      territoryChoice: 'Choose one of the territories offered.',
      actorId: 'Choose a published organisation of the network, or “None”.',
      authorName: 'Say how to sign your feedback (2 to 200 characters).',
      tried: 'Say in a few words what you tried (10 to 2000 characters).',
      worked: 'The text is over 2000 characters or holds invalid characters.',
      didNotWork: 'The text is over 2000 characters or holds invalid characters.',
      recommend: 'Choose an answer.',
      argumentsFor: '5 arguments at most, 2 to 200 characters each, one per line.',
      argumentsAgainst: '5 arguments at most, 2 to 200 characters each, one per line.',
      robot: 'The anti-robot check failed: try again.',
    },
    thanksTitle: 'Thank you for your feedback',
    thanksText:
      'The moderation team will review it before it shows on the record, usually within a few days.',
    reportedTitle: 'Thank you, the feedback is reported',
    reportedText: 'The moderation team will review it; it stays on the record until it decides.',
    back: 'Back to the record',
  },
}
