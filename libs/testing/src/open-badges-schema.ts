import Ajv2020 from 'ajv/dist/2020';

/**
 * A JSON Schema written from the Open Badges 3.0 data model (1EdTech, section B: AchievementCredential and the
 * classes it holds), for checking what we issue as a strict outside validator would. The rules that matter most to
 * validators: `credentialStatus` is one object (0..1), never an array; each class's `type` names it; required
 * fields are present. Like the published schemas, extra properties are allowed (VC 2.0 lets issuers add terms).
 */
const uri = { type: 'string', format: 'uri' };
const dateTime = { type: 'string', format: 'date-time' };
const typeNaming = (name: string) => ({
  oneOf: [
    { type: 'string', const: name },
    { type: 'array', minItems: 1, items: { type: 'string' }, contains: { const: name } },
  ],
});
const listOf = (ref: string) => ({ type: 'array', items: { $ref: `#/$defs/${ref}` } });

export const OPEN_BADGES_CREDENTIAL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://credit-bridge.example/schemas/ob-3.0-achievement-credential.json',
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject'],
  properties: {
    '@context': {
      type: 'array',
      minItems: 2,
      prefixItems: [
        { const: 'https://www.w3.org/ns/credentials/v2' },
        {
          type: 'string',
          pattern: '^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context-3\\.0\\.\\d+\\.json$',
        },
      ],
      items: { anyOf: [{ type: 'string' }, { type: 'object' }] },
    },
    id: uri,
    type: {
      type: 'array',
      items: { type: 'string' },
      allOf: [
        { contains: { const: 'VerifiableCredential' } },
        { contains: { enum: ['AchievementCredential', 'OpenBadgeCredential'] } },
      ],
    },
    name: { type: 'string' },
    description: { type: 'string' },
    issuer: { $ref: '#/$defs/Profile' },
    validFrom: dateTime,
    validUntil: dateTime,
    awardedDate: dateTime,
    credentialSubject: { $ref: '#/$defs/AchievementSubject' },
    credentialStatus: { $ref: '#/$defs/CredentialStatus' },
    credentialSchema: listOf('CredentialSchema'),
    evidence: listOf('Evidence'),
  },
  $defs: {
    Profile: {
      type: 'object',
      required: ['id', 'type'],
      properties: {
        id: uri,
        type: typeNaming('Profile'),
        name: { type: 'string' },
        url: uri,
        email: { type: 'string' },
        otherIdentifier: listOf('IdentifierEntry'),
      },
    },
    IdentifierEntry: {
      type: 'object',
      required: ['type', 'identifier', 'identifierType'],
      properties: {
        type: { const: 'IdentifierEntry' },
        identifier: { type: 'string' },
        identifierType: { type: 'string' },
      },
    },
    AchievementSubject: {
      type: 'object',
      required: ['type', 'achievement'],
      properties: {
        id: uri,
        type: typeNaming('AchievementSubject'),
        achievement: { $ref: '#/$defs/Achievement' },
        activityStartDate: dateTime,
        activityEndDate: dateTime,
        creditsEarned: { type: 'number' },
        identifier: listOf('IdentityObject'),
        result: listOf('Result'),
        source: { $ref: '#/$defs/Profile' },
      },
    },
    IdentityObject: {
      type: 'object',
      required: ['type', 'hashed', 'identityHash', 'identityType'],
      properties: {
        type: { const: 'IdentityObject' },
        hashed: { type: 'boolean' },
        identityHash: { type: 'string' },
        identityType: { type: 'string' },
        salt: { type: 'string' },
      },
    },
    Achievement: {
      type: 'object',
      required: ['id', 'type', 'criteria', 'description', 'name'],
      properties: {
        id: uri,
        type: typeNaming('Achievement'),
        name: { type: 'string' },
        description: { type: 'string' },
        criteria: {
          type: 'object',
          anyOf: [{ required: ['narrative'] }, { required: ['id'] }],
          properties: { id: uri, narrative: { type: 'string' } },
        },
        achievementType: {
          anyOf: [
            {
              enum: [
                'Achievement',
                'ApprenticeshipCertificate',
                'Assessment',
                'Assignment',
                'AssociateDegree',
                'Award',
                'Badge',
                'BachelorDegree',
                'Certificate',
                'CertificateOfCompletion',
                'Certification',
                'CommunityService',
                'Competency',
                'Course',
                'CoCurricular',
                'Degree',
                'Diploma',
                'DoctoralDegree',
                'Fieldwork',
                'GeneralEducationDevelopment',
                'JourneymanCertificate',
                'LearningProgram',
                'License',
                'Membership',
                'ProfessionalDoctorate',
                'QualityAssuranceCredential',
                'MasterCertificate',
                'MasterDegree',
                'MicroCredential',
                'ResearchDoctorate',
                'SecondarySchoolDiploma',
              ],
            },
            { type: 'string', pattern: '^ext:[a-zA-Z0-9.\\-_]+$' },
          ],
        },
        alignment: listOf('Alignment'),
        creditsAvailable: { type: 'number' },
        fieldOfStudy: { type: 'string' },
        humanCode: { type: 'string' },
        inLanguage: { type: 'string', pattern: '^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$' },
        resultDescription: listOf('ResultDescription'),
        version: { type: 'string' },
      },
    },
    Alignment: {
      type: 'object',
      required: ['type', 'targetName', 'targetUrl'],
      properties: {
        type: typeNaming('Alignment'),
        targetName: { type: 'string' },
        targetUrl: uri,
        targetCode: { type: 'string' },
        targetFramework: { type: 'string' },
        targetType: { type: 'string' },
      },
    },
    ResultDescription: {
      type: 'object',
      required: ['id', 'type', 'name', 'resultType'],
      properties: {
        id: uri,
        type: typeNaming('ResultDescription'),
        name: { type: 'string' },
        resultType: { type: 'string' },
        requiredValue: { type: 'string' },
        valueMin: { type: 'string' },
        valueMax: { type: 'string' },
        allowedValue: { type: 'array', items: { type: 'string' } },
      },
    },
    Result: {
      type: 'object',
      required: ['type'],
      properties: {
        type: typeNaming('Result'),
        resultDescription: uri,
        value: { type: 'string' },
        status: {
          enum: ['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew'],
        },
      },
    },
    Evidence: {
      type: 'object',
      required: ['type'],
      properties: {
        id: uri,
        type: typeNaming('Evidence'),
        name: { type: 'string' },
        narrative: { type: 'string' },
        description: { type: 'string' },
      },
    },
    CredentialStatus: {
      // 0..1: one object. An array (a revocation and a suspension entry) fails here, as at 1EdTech's validator.
      type: 'object',
      required: ['id', 'type'],
      properties: { id: uri, type: { type: 'string' } },
    },
    CredentialSchema: {
      type: 'object',
      required: ['id', 'type'],
      properties: { id: uri, type: { type: 'string' } },
    },
  },
} as const;

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]+$/i);
ajv.addFormat('date-time', {
  validate: (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
});
const validateCredential = ajv.compile(OPEN_BADGES_CREDENTIAL_SCHEMA);

/** Where a credential breaks the Open Badges 3.0 data model, as `path: message` lines; empty when it follows it. */
export function openBadgesSchemaProblems(credential: unknown): string[] {
  if (validateCredential(credential)) return [];
  return (validateCredential.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}
