/**
 * Interface text of the edit, history and report pages, French first with the same keys
 * in English (the shared dictionary in web/i18n.ts keeps the texts every page uses).
 */
import type { Status } from '../../domain/experiment'
import type { ChangeAction } from '../../domain/moderation'
import type { ReportReason } from '../../domain/report'
import type { Lang } from '../../../web/i18n'

const fr = {
  edit: {
    openTitle: 'Modifier votre fiche',
    openIntro:
      'Ce lien privé vous permet de modifier la fiche que vous avez proposée. Ne le partagez pas : toute personne qui le possède peut modifier la fiche.',
    openButton: 'Ouvrir le formulaire de modification',
    invalidTitle: 'Lien de modification invalide',
    invalidText:
      'Ce lien n’est pas valide ou a expiré. Demandez un nouveau lien à l’équipe de modération : l’ancien cessera alors de fonctionner.',
    expiredTitle: 'Session de modification terminée',
    expiredText:
      'Votre session de modification a expiré ou a été fermée. Rouvrez le lien privé reçu lors de votre proposition.',
    closedTitle: 'Fiche non modifiable',
    formTitle: (title: string) => `Modifier « ${title} »`,
    proposalWaiting: (date: string) =>
      `Une modification envoyée le ${date} attend la modération : le formulaire la reprend, et un nouvel envoi la remplace.`,
    save: 'Enregistrer les modifications',
    messageTooLong: 'Le message dépasse 2000 caractères.',
    statusTitle: 'Où en est votre fiche',
    status: {
      pending: 'En attente de modération : un modérateur va relire la fiche avant publication.',
      changes_requested: 'Modifications demandées par l’équipe de modération.',
      published: 'Publiée.',
      rejected: 'Refusée par l’équipe de modération.',
      unpublished: 'Retirée de la publication par l’équipe de modération.',
      merged: 'Fusionnée avec une autre fiche.',
    } satisfies Record<Status, string> as Record<Status, string>,
    decisionOn: (date: string) => `Décision du ${date} :`,
    requestOn: (date: string) => `Demande de l’équipe de modération, le ${date} :`,
    nextTitle: 'Que faire ?',
    next: {
      pending:
        'Rien pour l’instant : vous pouvez encore corriger la fiche ci-dessous, les modifications s’appliquent directement.',
      changes_requested:
        'Modifiez la fiche ci-dessous selon la demande, et expliquez vos changements dans le message à l’équipe de modération : en enregistrant, la fiche retourne dans la file de modération.',
      published:
        'Vous pouvez proposer une modification ci-dessous ; elle sera relue avant d’être en ligne.',
      rejected:
        'La fiche ne peut plus être modifiée. Vous pouvez proposer une nouvelle fiche qui tient compte de cette raison.',
      unpublished:
        'La fiche ne peut pas être modifiée en ligne : écrivez à l’équipe de modération pour en discuter.',
      merged: 'Consultez la fiche qui la remplace.',
    } satisfies Record<Status, string> as Record<Status, string>,
    replySent: (date: string) =>
      `Votre réponse du ${date} a été transmise à l’équipe de modération :`,
    proposalRejected: (date: string) => `Votre modification a été refusée le ${date} :`,
    resubmit: 'Proposer une nouvelle fiche',
    done: {
      applied: 'Vos modifications sont enregistrées.',
      proposed:
        'Vos modifications sont envoyées à l’équipe de modération. La version publiée reste en ligne en attendant.',
      unchanged: 'Aucun changement du contenu public ; vos coordonnées privées sont à jour.',
      verified: 'Merci : la fiche est marquée comme vérifiée aujourd’hui.',
    },
    verifyTitle: 'Toujours d’actualité ?',
    verifyText: (date: string) =>
      `Dernière vérification : ${date}. Si rien n’a changé, confirmez-le en un clic : la fiche n’affichera plus « à vérifier ».`,
    verifyNever: 'jamais',
    verifyButton: 'La fiche est toujours exacte',
    finish: 'Terminer et fermer la session',
    finished: 'Session de modification fermée.',
    viewPublic: 'Voir la fiche publiée',
  },
  history: {
    title: (title: string) => `Historique de « ${title} »`,
    intro:
      'Les versions publiées de cette fiche, de la plus récente à la plus ancienne, avec les champs modifiés à chaque version.',
    version: (n: number, date: string) => `Version ${n} du ${date}`,
    first: 'Première publication.',
    noChange: 'Contenu inchangé.',
    field: 'Champ',
    before: 'Avant',
    after: 'Après',
    empty: '(vide)',
    back: 'Revenir à la fiche',
    actions: {
      submit: 'proposition',
      approve: 'publication',
      edit: 'modification',
      verify: 'vérification par le porteur',
      import: 'import',
      'import-update': 'mise à jour par import',
      reject: 'refus',
      'request-changes': 'modifications demandées',
      unpublish: 'dépublication',
      delete: 'suppression',
      restore: 'restauration',
      merge: 'fusion',
    } satisfies Record<ChangeAction, string> as Record<ChangeAction, string>,
  },
  report: {
    title: (title: string) => `Signaler un problème : « ${title} »`,
    intro:
      'Votre signalement est transmis à l’équipe de modération, qui vérifiera la fiche. Il est anonyme : n’y mettez pas de données personnelles.',
    reasonLegend: 'Quel est le problème ?',
    reasons: {
      outdated: 'Les informations ne sont plus à jour',
      wrong: 'Les informations sont erronées',
      duplicate: 'Cette fiche est un doublon',
      inappropriate: 'Le contenu est inapproprié',
    } satisfies Record<ReportReason, string>,
    message: 'Précisez (facultatif, 1000 caractères au maximum)',
    submit: 'Envoyer le signalement',
    thanksTitle: 'Merci pour votre signalement',
    thanksText: 'L’équipe de modération va examiner la fiche.',
    back: 'Revenir à la fiche',
    errorReason: 'Choisissez le problème constaté.',
    errorMessage: 'Le message dépasse 1000 caractères.',
    errorRobot: 'La vérification anti-robot a échoué : réessayez.',
    errorsTitle: 'Le formulaire est à corriger',
  },
}

export type TrustMessages = typeof fr

const en: TrustMessages = {
  edit: {
    openTitle: 'Edit your record',
    openIntro:
      'This private link lets you edit the record you submitted. Do not share it: anyone who has it can edit the record.',
    openButton: 'Open the edit form',
    invalidTitle: 'Invalid edit link',
    invalidText:
      'This link is invalid or has expired. Ask the moderation team for a new link: the old one will then stop working.',
    expiredTitle: 'Edit session ended',
    expiredText:
      'Your edit session has expired or was closed. Open the private link you received when you submitted again.',
    closedTitle: 'Record cannot be edited',
    formTitle: (title: string) => `Edit “${title}”`,
    proposalWaiting: (date: string) =>
      `A change sent on ${date} is awaiting moderation: the form shows it, and sending again replaces it.`,
    save: 'Save changes',
    messageTooLong: 'The message is longer than 2000 characters.',
    statusTitle: 'Where your record stands',
    status: {
      pending: 'Awaiting moderation: a moderator will review the record before publication.',
      changes_requested: 'Changes requested by the moderation team.',
      published: 'Published.',
      rejected: 'Rejected by the moderation team.',
      unpublished: 'Withdrawn from publication by the moderation team.',
      merged: 'Merged into another record.',
    },
    decisionOn: (date: string) => `Decision of ${date}:`,
    requestOn: (date: string) => `Request from the moderation team, ${date}:`,
    nextTitle: 'What to do next?',
    next: {
      pending:
        'Nothing for now: you can still correct the record below, changes apply immediately.',
      changes_requested:
        'Edit the record below as requested, and explain your changes in the message to the moderation team: saving sends the record back to the moderation queue.',
      published: 'You can propose a change below; it will be reviewed before going online.',
      rejected:
        'The record can no longer be edited. You may submit a new record that takes this reason into account.',
      unpublished:
        'The record cannot be edited online: write to the moderation team to discuss it.',
      merged: 'See the record that replaces it.',
    },
    replySent: (date: string) => `Your answer of ${date} was passed on to the moderation team:`,
    proposalRejected: (date: string) => `Your change was rejected on ${date}:`,
    resubmit: 'Submit a new record',
    done: {
      applied: 'Your changes are saved.',
      proposed:
        'Your changes were sent to the moderation team. The published version stays online meanwhile.',
      unchanged: 'No change to the public content; your private contact details are up to date.',
      verified: 'Thank you: the record is marked as checked today.',
    },
    verifyTitle: 'Still accurate?',
    verifyText: (date: string) =>
      `Last checked: ${date}. If nothing has changed, confirm it in one click: the record will no longer show “to be checked”.`,
    verifyNever: 'never',
    verifyButton: 'The record is still accurate',
    finish: 'Finish and close the session',
    finished: 'Edit session closed.',
    viewPublic: 'See the published record',
  },
  history: {
    title: (title: string) => `History of “${title}”`,
    intro: 'The published versions of this record, newest first, with the fields changed in each.',
    version: (n: number, date: string) => `Version ${n} of ${date}`,
    first: 'First publication.',
    noChange: 'Content unchanged.',
    field: 'Field',
    before: 'Before',
    after: 'After',
    empty: '(empty)',
    back: 'Back to the record',
    actions: {
      submit: 'submission',
      approve: 'publication',
      edit: 'edit',
      verify: 'checked by its lead',
      import: 'import',
      'import-update': 'import update',
      reject: 'rejection',
      'request-changes': 'changes requested',
      unpublish: 'unpublication',
      delete: 'deletion',
      restore: 'restore',
      merge: 'merge',
    },
  },
  report: {
    title: (title: string) => `Report a problem: “${title}”`,
    intro:
      'Your report goes to the moderation team, who will check the record. It is anonymous: do not include personal data.',
    reasonLegend: 'What is the problem?',
    reasons: {
      outdated: 'The information is out of date',
      wrong: 'The information is wrong',
      duplicate: 'This record is a duplicate',
      inappropriate: 'The content is inappropriate',
    },
    message: 'Details (optional, 1000 characters at most)',
    submit: 'Send the report',
    thanksTitle: 'Thank you for your report',
    thanksText: 'The moderation team will look at the record.',
    back: 'Back to the record',
    errorReason: 'Choose the problem you found.',
    errorMessage: 'The message is longer than 1000 characters.',
    errorRobot: 'The anti-robot check failed: try again.',
    errorsTitle: 'The form needs correcting',
  },
}

export const TRUST_MESSAGES: Record<Lang, TrustMessages> = { fr, en }
