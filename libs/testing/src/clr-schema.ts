import Ajv2020 from 'ajv/dist/2020';
import { OPEN_BADGES_CREDENTIAL_SCHEMA } from './open-badges-schema';

/**
 * A JSON Schema written from the 1EdTech CLR 2.0 data model (ClrCredential, ClrSubject, Association), built on the
 * Open Badges 3.0 classes it reuses (Profile, Achievement, IdentityObject, AchievementCredential). A held credential
 * is an AchievementCredential, or one secured as a VC-JWT in VC 2.0's EnvelopedVerifiableCredential form. Extra
 * properties are allowed, as in the published schemas.
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
const {
  $schema: _schema,
  $id: _id,
  $defs: openBadgesDefs,
  ...achievementCredential
} = OPEN_BADGES_CREDENTIAL_SCHEMA;

export const CLR_CREDENTIAL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://credit-bridge.example/schemas/clr-2.0-clr-credential.json',
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'name', 'validFrom', 'credentialSubject'],
  properties: {
    '@context': {
      type: 'array',
      minItems: 2,
      prefixItems: [
        { const: 'https://www.w3.org/ns/credentials/v2' },
        {
          type: 'string',
          pattern: '^https://purl\\.imsglobal\\.org/spec/clr/v2p0/context-2\\.0\\.\\d+\\.json$',
        },
      ],
      items: { anyOf: [{ type: 'string' }, { type: 'object' }] },
    },
    id: uri,
    type: {
      type: 'array',
      items: { type: 'string' },
      allOf: [{ contains: { const: 'VerifiableCredential' } }, { contains: { const: 'ClrCredential' } }],
    },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    partial: { type: 'boolean' },
    issuer: { $ref: '#/$defs/Profile' },
    validFrom: dateTime,
    validUntil: dateTime,
    awardedDate: dateTime,
    credentialSubject: { $ref: '#/$defs/ClrSubject' },
    credentialStatus: { $ref: '#/$defs/CredentialStatus' },
    credentialSchema: listOf('CredentialSchema'),
  },
  $defs: {
    ...openBadgesDefs,
    ClrSubject: {
      type: 'object',
      required: ['type', 'verifiableCredential'],
      properties: {
        id: uri,
        type: typeNaming('ClrSubject'),
        identifier: listOf('IdentityObject'),
        name: { type: 'string' },
        description: { type: 'string' },
        achievement: listOf('Achievement'),
        verifiableCredential: {
          type: 'array',
          minItems: 1,
          items: {
            anyOf: [
              { $ref: '#/$defs/EnvelopedVerifiableCredential' },
              { $ref: '#/$defs/AchievementCredential' },
            ],
          },
        },
        association: listOf('Association'),
      },
    },
    Association: {
      type: 'object',
      required: ['type', 'associationType', 'sourceId', 'targetId'],
      properties: {
        type: { const: 'Association' },
        associationType: {
          enum: [
            'exactMatchOf',
            'isChildOf',
            'isParentOf',
            'isPartOf',
            'isPeerOf',
            'isRelatedTo',
            'precedes',
            'replacedBy',
          ],
        },
        sourceId: uri,
        targetId: uri,
      },
    },
    EnvelopedVerifiableCredential: {
      type: 'object',
      required: ['@context', 'type', 'id'],
      properties: {
        '@context': { type: 'array', prefixItems: [{ const: 'https://www.w3.org/ns/credentials/v2' }] },
        type: { const: 'EnvelopedVerifiableCredential' },
        id: {
          type: 'string',
          pattern: '^data:application/vc\\+jwt,[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
        },
      },
    },
    AchievementCredential: achievementCredential,
  },
} as const;

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]+$/i);
ajv.addFormat('date-time', {
  validate: (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
});
const validateRecord = ajv.compile(CLR_CREDENTIAL_SCHEMA);

/** Where a record breaks the CLR 2.0 data model, as `path: message` lines; empty when it follows it. */
export function clrSchemaProblems(record: unknown): string[] {
  if (validateRecord(record)) return [];
  return (validateRecord.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}
