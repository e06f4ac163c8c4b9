/**
 * Text of the accessibility statement (`/accessibilite`), following the RGAA 4.1 model.
 * What it says about tests must stay what tests/browser/ measures: axe-core on every page
 * type (tests/browser/*.test.ts), reflow at 320 px (reflow.test.ts), keyboard and
 * no-JavaScript use of the forms (submit.test.ts, moderation.test.ts).
 */
export const accessibilityFr = {
  title: 'Déclaration d’accessibilité',
  description:
    'Déclaration d’accessibilité RGAA 4.1 de l’Observatoire des expérimentations numériques locales : état de conformité, tests réalisés, limites connues, contact et voies de recours.',
  commitment:
    'L’Observatoire des expérimentations numériques locales s’engage à rendre son site accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au site public (recherche, fiches, formulaires, comparaisons, territoires, données ouvertes, documentation de l’API) et à l’espace de modération.',
  statusTitle: 'État de conformité',
  status:
    'Le site est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 : aucun audit des 106 critères du RGAA n’a encore été réalisé, et le RGAA demande alors de le déclarer non conforme. Les mesures ci-dessous ne remplacent pas cet audit.',
  testsTitle: 'Ce qui est vérifié à chaque modification',
  testsLead:
    'Ces vérifications font partie de la suite de tests automatisés du projet ; une modification qui en fait échouer une n’est pas publiée.',
  tests: [
    'axe-core (règles WCAG 2.1 niveaux A et AA) dans Chromium, sur chaque type de page, y compris les formulaires affichant des erreurs : aucune violation.',
    'Redimensionnement (critère 10.11 du RGAA, WCAG 1.4.10) : chaque type de page s’affiche sur un écran de 320 pixels de large sans défilement horizontal de la page ; les tableaux larges défilent dans leur propre zone, nommée et atteignable au clavier.',
    'Clavier et sans JavaScript : les formulaires (proposer, modifier, signaler, comparer, modération) fonctionnent sans JavaScript ; la recherche de territoire du formulaire s’utilise au clavier ; un lien d’évitement mène au contenu ; la prise de focus est toujours visible.',
    'Les cartes et graphiques ont une alternative : un tableau des mêmes valeurs.',
  ],
  pagesTitle: 'Pages vérifiées',
  pages: [
    'Accueil et résultats de recherche',
    'Fiche d’expérience (avec indicateurs et financements) et son historique',
    'Formulaire de proposition, avec et sans erreurs, et sa confirmation',
    'Comparaison de territoires et page d’un territoire',
    'Données ouvertes, déclaration d’accessibilité et documentation de l’API',
    'Espace de modération : connexion, file, fiche, journal',
  ],
  limitsTitle: 'Limites connues',
  limits: [
    'Aucun test n’a encore été fait avec des lecteurs d’écran (NVDA, JAWS, VoiceOver) ni par des personnes en situation de handicap.',
    'Les tests automatisés ne détectent qu’une partie des défauts : pertinence des textes alternatifs et des intitulés, ordre de lecture, compréhension.',
    'Les documents liés depuis les fiches (évaluations, sources) sont publiés par des tiers ; leur accessibilité ne dépend pas de ce site.',
    'L’espace de modération est en français seulement.',
  ],
  environmentTitle: 'Établissement de cette déclaration',
  environment:
    'Déclaration établie le 30 novembre 2026. Technologies : HTML, CSS, SVG ; JavaScript seulement pour améliorer des pages qui fonctionnent sans lui. Environnement de test : Chromium (Debian) piloté par Playwright, axe-core 4.14.',
  contactTitle: 'Retour d’information et contact',
  contactLead:
    'Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez-nous : nous vous répondrons et vous proposerons une autre façon d’y accéder.',
  contactEmail: 'Adresse :',
  contactReport:
    'Pour une fiche en particulier, le lien « Signaler un problème » en bas de sa page nous prévient aussi.',
  contactMissing:
    'L’exploitant de ce site n’a pas encore publié d’adresse de contact ; en attendant, utilisez le lien « Signaler un problème » d’une fiche.',
  recourseTitle: 'Voies de recours',
  recourse:
    'Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
  recourseWays: [
    'par le formulaire en ligne du Défenseur des droits ;',
    'en contactant le délégué du Défenseur des droits dans votre région ;',
    'par courrier, gratuitement, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  ],
  recourseLink: 'Le site du Défenseur des droits',
}

export const accessibilityEn: typeof accessibilityFr = {
  title: 'Accessibility statement',
  description:
    'RGAA 4.1 accessibility statement of the Observatory of local digital experiments: compliance status, tests, known limits, contact and recourse.',
  commitment:
    'The Observatory of local digital experiments is committed to making its site accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the public site (search, records, forms, comparisons, territories, open data, API documentation) and to the moderation desk.',
  statusTitle: 'Compliance status',
  status:
    'The site is not compliant with the French accessibility framework (RGAA), version 4.1: no audit of the 106 RGAA criteria has been carried out yet, and the RGAA then requires it to be declared non-compliant. The measures below do not replace that audit.',
  testsTitle: 'What is checked on every change',
  testsLead:
    'These checks are part of the project’s automated test suite; a change that makes one fail is not published.',
  tests: [
    'axe-core (WCAG 2.1 level A and AA rules) in Chromium, on every page type, including forms showing errors: no violation.',
    'Reflow (RGAA criterion 10.11, WCAG 1.4.10): every page type lays out on a 320 pixel wide screen without horizontal scrolling of the page; wide tables scroll inside their own named region, reachable with the keyboard.',
    'Keyboard and no JavaScript: the forms (submit, edit, report, compare, moderation) work without JavaScript; the territory search of the form is usable with the keyboard; a skip link leads to the content; focus is always visible.',
    'Maps and charts have an alternative: a table of the same values.',
  ],
  pagesTitle: 'Pages checked',
  pages: [
    'Home and search results',
    'Experiment record (with indicators and funding) and its history',
    'Submission form, with and without errors, and its confirmation',
    'Territory comparison and territory page',
    'Open data, accessibility statement and API documentation',
    'Moderation desk: sign-in, queue, record, journal',
  ],
  limitsTitle: 'Known limits',
  limits: [
    'No test has been made yet with screen readers (NVDA, JAWS, VoiceOver) nor by people with disabilities.',
    'Automated tests find only part of the defects: relevance of text alternatives and labels, reading order, understanding.',
    'Documents linked from records (evaluations, sources) are published by third parties; their accessibility does not depend on this site.',
    'The moderation desk is in French only.',
  ],
  environmentTitle: 'How this statement was made',
  environment:
    'Statement made on 30 November 2026. Technologies: HTML, CSS, SVG; JavaScript only to enhance pages that work without it. Test environment: Chromium (Debian) driven by Playwright, axe-core 4.14.',
  contactTitle: 'Feedback and contact',
  contactLead:
    'If you cannot access some content or service, write to us: we will answer and offer another way to access it.',
  contactEmail: 'Address:',
  contactReport:
    'For one record, the “Report a problem” link at the bottom of its page reaches us too.',
  contactMissing:
    'The operator of this site has not published a contact address yet; meanwhile, use the “Report a problem” link of a record.',
  recourseTitle: 'Recourse',
  recourse:
    'If you reported an accessibility defect that prevents you from accessing content or a service and did not get a satisfactory answer, you may refer the matter to the Défenseur des droits (French rights ombudsman):',
  recourseWays: [
    'through the Défenseur des droits’ online form;',
    'by contacting the Défenseur des droits’ delegate in your region;',
    'by post, free of charge, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  ],
  recourseLink: 'The Défenseur des droits’ website',
}
