import { achievementCredential, statusEntry } from '@lib/vc';
import { sampleCredentialInput } from '../../vc/src/testing/sample-credential';
import { openBadgesSchemaProblems } from './open-badges-schema';

const LIST = 'https://credits.example.ac.uk/api/credentials/status-lists/l1';

describe('the Open Badges 3.0 schema check', () => {
  const credential = () => achievementCredential(sampleCredentialInput()) as Record<string, any>;

  it('passes a credential as we build it, with its one status entry', () => {
    expect(openBadgesSchemaProblems(credential())).toEqual([]);
  });

  it.each<[string, (vc: Record<string, any>) => void, RegExp]>([
    [
      'two status entries (revocation and suspension)',
      (vc) => {
        vc.credentialStatus = [statusEntry(LIST, 1, 'revocation'), statusEntry(`${LIST}s`, 2, 'suspension')];
      },
      /^\/credentialStatus: must be object$/,
    ],
    [
      'the contexts in the wrong order',
      (vc) => vc['@context'].reverse(),
      /^\/@context\/0: must be equal to constant$/,
    ],
    ['no OpenBadgeCredential type', (vc) => (vc.type = ['VerifiableCredential']), /^\/type: must contain/],
    ['an achievement without criteria', (vc) => delete vc.credentialSubject.achievement.criteria, /criteria/],
    ['an issuer that is no Profile', (vc) => (vc.issuer.type = ['Organisation']), /^\/issuer\/type/],
    [
      'validFrom that is no date-time',
      (vc) => (vc.validFrom = '2 December 2026'),
      /^\/validFrom: must match format/,
    ],
    [
      'a custom achievement type without ext:',
      (vc) => (vc.credentialSubject.achievement.achievementType = 'Hackday'),
      /achievementType/,
    ],
  ])('refuses %s', (_, spoil, problem) => {
    const vc = credential();
    spoil(vc);
    expect(openBadgesSchemaProblems(vc)).toContainEqual(expect.stringMatching(problem));
  });
});
