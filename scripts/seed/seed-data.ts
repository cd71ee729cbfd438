/**
 * What `npm run -s seed` puts in a development stack: a university, two NHS Code4Health partners that deliver its
 * one-day courses, learners (names in several scripts, as real cohorts have), their marks, and an MSc programme whose
 * first module three of the courses' micro-credentials can stack toward. Plain data; the steps are in seed-*.ts.
 */

export const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 } as const;

export const UNIVERSITY = {
  kind: 'awarding-body',
  name: 'University of Leeds',
  ukprn: '10007795',
  url: 'https://www.leeds.ac.uk',
} as const;

export const PARTNERS = [
  { kind: 'partner', name: 'NHS Code4Health Leeds' },
  { kind: 'partner', name: 'NHS Code4Health Yorkshire and Humber' },
] as const;

export interface SeedCourse {
  code: string;
  title: string;
  description: string;
  learningOutcomes: string[];
  /** Which of PARTNERS delivers it. */
  partner: number;
  location: string;
}

export const COURSES: SeedCourse[] = [
  {
    code: 'C4H-APP',
    title: 'App building in a day',
    description: 'Design, build and test a small app for a clinical need in one day.',
    learningOutcomes: ['Design a simple app for a clinical need', 'Test it with its users'],
    partner: 0,
    location: 'Leeds General Infirmary',
  },
  {
    code: 'C4H-DATA',
    title: 'Data in a day',
    description: 'Clean, analyse and present an open NHS data set in one day.',
    learningOutcomes: ['Analyse a clinical data set', 'Present findings to clinicians'],
    partner: 0,
    location: "St James's University Hospital",
  },
  {
    code: 'C4H-HACK',
    title: 'Clinical hack day',
    description: 'Work in a mixed team of clinicians and developers on a problem brought by a ward.',
    learningOutcomes: ['Frame a clinical problem for a software team', 'Prototype and pitch a solution'],
    partner: 1,
    location: 'Hull Royal Infirmary',
  },
];

export const COURSE_FACTS = {
  format: 'workshop',
  notionalHours: 50,
  credits: 5,
  level: LEVEL_7,
} as const;

export interface SeedLearner {
  email: string;
  givenName: string;
  familyName: string;
  /** Per course (in COURSES' order): the mark, or null for absent (no mark, no credential). */
  marks: (number | null)[];
}

export const LEARNERS: SeedLearner[] = [
  { email: 'amira.haddad@nhs.example', givenName: 'Amira', familyName: 'Haddad', marks: [72, 68, 81] },
  { email: 'tom.whitaker@nhs.example', givenName: 'Tom', familyName: 'Whitaker', marks: [55, 61, 49] },
  { email: 'zhang.wei@nhs.example', givenName: '伟', familyName: '张', marks: [88, 74, 66] },
  {
    email: 'siobhan.nibhriain@nhs.example',
    givenName: 'Siobhán',
    familyName: 'Ní Bhriain',
    marks: [64, 35, 58],
  },
  {
    email: 'oluwaseun.adeyemi@nhs.example',
    givenName: 'Oluwaseun',
    familyName: 'Adeyemi',
    marks: [47, 52, null],
  },
  {
    email: 'priya.raghunathan@nhs.example',
    givenName: 'Priya',
    familyName: 'Raghunathan',
    marks: [91, 86, 77],
  },
  { email: 'fatima.alzahra@nhs.example', givenName: 'فاطمة', familyName: 'الزهراء', marks: [59, null, 70] },
  { email: 'dmitri.volkov@nhs.example', givenName: 'Дмитрий', familyName: 'Волков', marks: [38, 44, 62] },
];

/** One component, so a CSV of marks is one column; a pass is 40 or more. */
export const SCHEME = {
  components: [{ name: 'Project', weight: 100, passMark: 40 }],
  overallPassMark: 40,
  maxAttempts: 2,
};

export const PROGRAMME = {
  code: 'MSC-HI',
  title: 'MSc Health Informatics',
  credits: 180,
  level: LEVEL_7,
  policy: { recencyYears: 5, acceptExternal: true },
};

/** The module the three micro-credentials stack toward (5 + 5 + 5 credits), and one recognition cannot replace. */
export const MODULES = {
  stacked: {
    code: 'HI-701',
    title: 'Digital health innovation',
    credits: 15,
    level: LEVEL_7,
    learningOutcomes: ['Design and evaluate a digital health intervention'],
    core: true,
  },
  dissertation: {
    code: 'HI-799',
    title: 'Dissertation',
    credits: 60,
    level: LEVEL_7,
    core: true,
    eligible: false,
  },
};
