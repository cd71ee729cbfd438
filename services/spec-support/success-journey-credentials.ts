import { randomUUID } from 'node:crypto';
import { bearer, type ExternalIssuer, waitFor } from '@lib/testing';
import { presentationSteps } from './success-journey-presentations';
import { programmeBody } from './recognition-probes';
import type { SuccessAnswers, SuccessCallOptions } from './success-answers';
import { testWallet } from './test-wallet';

type Headers = { authorization: string };
const cr = '/api/credentials';
const rec = '/api/recognition';
const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60"><rect width="240" height="60" fill="#2a7d4f"/></svg>';

/** What the enrolment steps made, for the other services' steps. */
export interface Made {
  awardingBodyId: string;
  partnerId: string;
  courseId: string;
  offeringId: string;
  learnerId: string;
  enrolmentId: string;
  bulkLearnerId: string;
  registrar: Headers;
  partner: Headers;
  assessor: Headers;
  learner: Headers;
}

/** The learner's credential as their list shows it. */
export interface Earned {
  credentialId: string;
  jwt: string;
}

/**
 * The course's achievement and the credential it leads to; the issuer's keys; downloads, share links and the status
 * list; verification of every kind; both trust lists. Resolves with the learner's credential.
 */
export async function credentialSteps(
  answers: SuccessAnswers,
  made: Made,
  hub: ExternalIssuer,
): Promise<Earned> {
  const call = (method: string, path: string, options?: SuccessCallOptions) =>
    answers.ok('credentials', method, `${cr}${path}`, options);
  const refuse = (status: number, method: string, path: string, options?: SuccessCallOptions) =>
    answers.refused('credentials', method, `${cr}${path}`, status, options);
  const registrar = made.registrar;
  // The course reaches credentials through Kafka: tried until it has.
  const achievement = await waitFor(
    async () => {
      const answer = await answers.call('credentials', 'POST', `${cr}/achievements`, {
        headers: registrar,
        body: { courseId: made.courseId, criteria: 'Attend and pass the assessed project.' },
      });
      return answer.status === 201 ? answer.body : undefined;
    },
    { what: 'the course to reach credentials' },
  );
  const achievementId = String(achievement.id).split('/').pop()!;
  await refuse(409, 'POST', '/achievements', {
    headers: registrar,
    body: { courseId: made.courseId, criteria: 'Attend and pass the assessed project.' },
  });
  await call('GET', '/achievements', { headers: registrar });
  await call('GET', `/achievements/${achievementId}`);
  const credential: Earned = await waitFor(
    async () => (await call('GET', '/learners/me/credentials', { headers: made.learner })).items[0],
    { what: 'the credential to be issued', timeoutMs: 40000 },
  );
  // Edited once issued, so the credential keeps version 1.
  await call('POST', `/achievements/${achievementId}/versions`, {
    headers: registrar,
    body: { description: 'Build, test and show a small clinical app in a day.' },
  });
  await call('GET', `/achievements/${achievementId}/versions/1`);
  await editedAtTheSameMoment(answers, registrar, achievementId);
  await call('GET', '/holds', { headers: registrar });

  const issuer = await call('GET', `/issuers/${made.awardingBodyId}`);
  const didDocument = await call('GET', `/issuers/${made.awardingBodyId}/did.json`);
  await call('GET', '/keys');
  const keys = await call('GET', `/issuers/${made.awardingBodyId}/keys`, { headers: registrar });
  const jwtKey = keys.find((key: { alg: string }) => key.alg !== 'Ed25519');
  await call('GET', `/issuers/${made.awardingBodyId}/keys/${String(jwtKey.kid).split('/').pop()}`);
  await call('POST', `/issuers/${made.awardingBodyId}/keys/rotation`, { headers: registrar, body: {} });

  // Branding, then the certificate that shows it.
  await call('PUT', `/issuers/${made.awardingBodyId}/certificate-branding`, {
    headers: registrar,
    body: { signingOfficer: { name: 'Professor Jane Okafor', role: 'Academic Registrar' } },
  });
  await call('PUT', `/organisations/${made.partnerId}/certificate-logo`, {
    headers: made.partner,
    upload: { type: 'image/svg+xml', body: LOGO_SVG },
  });
  const own = `/learners/me/credentials/${encodeURIComponent(credential.credentialId)}`;
  for (const format of ['jwt', 'json', 'pdf&paper=letter'])
    await call('GET', `${own}/download?format=${format}`, { headers: made.learner });
  const link = await call('POST', `${own}/share-links`, { headers: made.learner });
  await call('GET', '/learners/me/share-links', { headers: made.learner });
  await call('GET', `/shared/${link.token}`);
  await call('GET', `/shared/${link.token}/verification`);
  await call('POST', `/learners/me/share-links/${link.token}/withdrawal`, { headers: made.learner });
  await refuse(409, 'POST', `/learners/me/share-links/${link.token}/withdrawal`, { headers: made.learner });
  // A wallet (a did:key of the spec's) takes the credential through a VC-API exchange, once.
  const offer = await call('POST', `${own}/wallet-offers`, { headers: made.learner });
  const exchange = new URL(offer.exchangeUrl).pathname.slice(cr.length);
  const { verifiablePresentationRequest: asked } = await call('POST', exchange, { body: {} });
  const wallet = testWallet();
  await refuse(422, 'POST', exchange, {
    body: { verifiablePresentation: await wallet.didAuth({ ...asked, challenge: 'not the one asked for' }) },
  });
  await call('POST', exchange, { body: { verifiablePresentation: await wallet.didAuth(asked) } });
  await refuse(410, 'POST', exchange, { body: {} });
  // An OpenID4VCI wallet: the offer's code and PIN for a token, then a proof of possession for the credential.
  const vci = await call('POST', `${own}/oid4vci-offers`, { headers: made.learner });
  const issuerPath = new URL(vci.credentialOffer.credential_issuer).pathname.slice(cr.length);
  await call('GET', `${issuerPath}/.well-known/openid-credential-issuer`);
  await call('GET', `${issuerPath}/.well-known/oauth-authorization-server`);
  const code = vci.credentialOffer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'];
  const form = (pin: string) => ({
    type: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
      'pre-authorized_code': code['pre-authorized_code'],
      tx_code: pin,
    }).toString(),
  });
  const granted = await call('POST', `${issuerPath}/token`, { upload: form(vci.txCode) });
  const proof = wallet.proofOfPossession(vci.credentialOffer.credential_issuer, granted.c_nonce);
  const credentialRequest = { proof: { proof_type: 'jwt', jwt: proof } };
  await refuse(401, 'POST', `${issuerPath}/credential`, {
    headers: { authorization: 'Bearer not-a-token' },
    body: credentialRequest,
  });
  await call('POST', `${issuerPath}/credential`, {
    headers: { authorization: `Bearer ${granted.access_token}` },
    body: credentialRequest,
  });
  await refuse(410, 'POST', `${issuerPath}/credential`, {
    headers: { authorization: `Bearer ${granted.access_token}` },
    body: credentialRequest,
  });
  await call('GET', `/status-lists/${statusListIdOf(credential.jwt)}`);

  await call('POST', '/verify', { body: { credential: credential.jwt } });
  await call('POST', `/verify/batch?organisationId=${made.awardingBodyId}`, {
    body: { credentials: [credential.jwt, hub.sign(hub.credential()), 'not.a.credential'] },
  });
  await call('POST', '/credentials/verify', { body: { verifiableCredential: credential.jwt } });
  // A credential that does not verify is a 400 with `verified: false`, as the VC-API asks.
  await refuse(400, 'POST', '/credentials/verify', {
    body: { verifiableCredential: `${credential.jwt.slice(0, -8)}AAAAAAAA` },
  });
  await presentationSteps(call, refuse, credential.jwt);
  const question = new URLSearchParams({
    issuerId: issuer.id,
    partnerId: made.partnerId,
    achievementId: achievement.id,
    awardedOn: new Date().toISOString().slice(0, 10),
  });
  await call('GET', `/partner-authorisations/check?${question.toString()}`);
  const hold = new URLSearchParams({ issuerId: issuer.id, credentialId: credential.credentialId });
  await call('GET', `/hold-check?${hold.toString()}`);

  // The VC-API issuer: a plain VC 2.0 credential, signed as the awarding body; the same id again; another issuer's.
  const direct = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/ns/credentials/undefined-terms/v2',
    ],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'HackDayMembershipCredential'],
    issuer: issuer.id,
    credentialSubject: { id: 'did:example:clinician-42', memberOf: 'Code4Health Leeds' },
  };
  await call('POST', '/credentials/issue', { headers: registrar, body: { credential: direct } });
  await call('POST', '/credentials/issue', {
    headers: registrar,
    body: {
      credential: { ...direct, id: `urn:uuid:${randomUUID()}`, issuer: didDocument.id },
      options: { format: 'data-integrity' },
    },
  });
  await refuse(409, 'POST', '/credentials/issue', { headers: registrar, body: { credential: direct } });
  await refuse(422, 'POST', '/credentials/issue', {
    headers: registrar,
    body: { credential: { ...direct, id: `urn:uuid:${randomUUID()}`, issuer: hub.issuerId } },
  });
  await refuse(403, 'POST', '/credentials/issue', {
    headers: bearer('registrar', { org: made.partnerId }),
    body: { credential: { ...direct, id: `urn:uuid:${randomUUID()}` } },
  });

  const admin = bearer('admin');
  const entry = { issuerId: hub.issuerId, name: hub.name, jwksUrl: hub.jwksUrl };
  // The hub answers 404 at this address: no key set to read.
  const keyless = { ...entry, jwksUrl: `${hub.issuerId}/no-keys.json` };
  await call('GET', '/trust-list');
  await refuse(422, 'POST', '/trust-list', { headers: admin, body: keyless });
  await call('POST', '/trust-list', { headers: admin, body: entry });
  await refuse(409, 'POST', '/trust-list', { headers: admin, body: entry });
  await call('POST', '/trust-list/removal', { headers: admin, body: { issuerId: hub.issuerId } });
  const bodyList = `/organisations/${made.awardingBodyId}/trust-list`;
  await refuse(422, 'POST', bodyList, { headers: registrar, body: keyless });
  await call('POST', bodyList, { headers: registrar, body: entry });
  await refuse(409, 'POST', bodyList, { headers: registrar, body: entry });
  await call('GET', bodyList, { headers: registrar });
  await call('POST', `${bodyList}/removal`, { headers: registrar, body: { issuerId: hub.issuerId } });
  return credential;
}

/**
 * Edits of the achievement sent together until two read the same latest version and one is refused (409); the
 * others are new versions. One round of four nearly always has a clash; if ten have none, the 409 is left
 * unproduced, and the spec's log line names it.
 */
async function editedAtTheSameMoment(
  answers: SuccessAnswers,
  registrar: Headers,
  achievementId: string,
): Promise<void> {
  const path = `${cr}/achievements/${achievementId}/versions`;
  const edit = { headers: registrar, body: { description: 'Build, test and show a small clinical app.' } };
  for (let round = 0; round < 10; round += 1) {
    const edits = await Promise.all([1, 2, 3, 4].map(() => answers.call('credentials', 'POST', path, edit)));
    const clash = edits.find((answer) => answer.status !== 201);
    if (clash) return answers.refusal('credentials', 'POST', path, 409, clash);
  }
}

/** The status list a credential's revocation entry names: the last segment of its URL. */
function statusListIdOf(jwt: string): string {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
  const vc = payload.vc ?? payload;
  const entries = [vc.credentialStatus].flat();
  return String(entries[0].statusListCredential).split('/').pop()!;
}

/**
 * A programme with modules and a rule, and the learner's claim with their credential chosen and another issuer's
 * uploaded; one module approved once the credential has reached recognition (it then rests on the credential) and
 * one rejected.
 */
export async function recognitionSteps(
  answers: SuccessAnswers,
  made: Made,
  credential: Earned,
  hub: ExternalIssuer,
): Promise<void> {
  const call = (method: string, path: string, options?: SuccessCallOptions) =>
    answers.ok('recognition', method, `${rec}${path}`, options);
  const refuse = (status: number, method: string, path: string, options?: SuccessCallOptions) =>
    answers.refused('recognition', method, `${rec}${path}`, status, options);
  const registrar = made.registrar;
  const programmeAsSent = programmeBody();
  const programme = await call('POST', '/programmes', { headers: registrar, body: programmeAsSent });
  await refuse(409, 'POST', '/programmes', { headers: registrar, body: programmeAsSent });
  await call('GET', '/programmes', { headers: made.learner });
  await call('GET', `/programmes/${programme.id}`, { headers: made.learner });
  const moduleB = {
    headers: registrar,
    body: { code: 'MOD-B', title: 'Safety cases', credits: 15, level: LEVEL_7 },
  };
  await call('POST', `/programmes/${programme.id}/modules`, moduleB);
  await refuse(409, 'POST', `/programmes/${programme.id}/modules`, moduleB);
  await call('PUT', `/programmes/${programme.id}/modules/MOD-A/rule`, {
    headers: registrar,
    body: { rule: { combination: 'any', criteria: [{ kind: 'properties', minimumCredits: 5 }] } },
  });
  const claim = await call('POST', '/claims', { headers: made.learner, body: { programmeId: programme.id } });
  const path = `/claims/${claim.id}`;
  await call('POST', `${path}/credentials`, {
    headers: made.learner,
    body: { credentialId: credential.credentialId },
  });
  await call('POST', `${path}/external-credentials`, {
    headers: made.learner,
    body: { credential: hub.sign(hub.credential()) },
  });
  // The credential reaches recognition through Kafka; then MOD-A may be credited.
  await waitFor(
    async () =>
      (await call('GET', path, { headers: registrar })).proposal.modules.some(
        (module: { moduleCode: string; exempt: boolean }) => module.moduleCode === 'MOD-A' && module.exempt,
      ),
    { what: 'the credential to reach recognition', timeoutMs: 30000 },
  );
  for (const [moduleCode, decision] of [
    ['MOD-A', 'approve'],
    ['MOD-B', 'reject'],
  ])
    await call('POST', `${path}/decisions`, {
      headers: registrar,
      body: { moduleCode, decision, reason: 'Decided by the exam board' },
    });
  await refuse(409, 'POST', `${path}/decisions`, {
    headers: registrar,
    body: { moduleCode: 'MOD-A', decision: 'reject', reason: 'Decided twice' },
  });
  await call('GET', '/learners/me/claims', { headers: made.learner });
  await call('GET', `/learners/me/programmes/${programme.id}`, { headers: made.learner });
  await call('GET', '/reviews', { headers: registrar });
}

/**
 * The credential suspended, reinstated and revoked; then the exam board's reviews, once recognition has withdrawn the
 * credit that rested on it.
 */
export async function statusSteps(answers: SuccessAnswers, made: Made, credentialId: string): Promise<void> {
  const path = `${cr}/credentials/${encodeURIComponent(credentialId)}`;
  const headers = made.registrar;
  await answers.ok('credentials', 'POST', `${path}/suspension`, {
    headers,
    body: { reason: 'Under review' },
  });
  await answers.ok('credentials', 'POST', `${path}/reinstatement`, { headers, body: {} });
  await answers.ok('credentials', 'POST', `${path}/revocation`, {
    headers,
    body: { reason: 'Awarded in error' },
  });
  // Revocation is permanent: no second revocation, suspension or reinstatement.
  for (const [action, body] of [
    ['revocation', { reason: 'Awarded in error' }],
    ['suspension', { reason: 'Under review' }],
    ['reinstatement', {}],
  ] as const)
    await answers.refused('credentials', 'POST', `${path}/${action}`, 409, { headers, body });
  await waitFor(
    async () => (await answers.ok('recognition', 'GET', `${rec}/reviews`, { headers })).withdrawn.length > 0,
    { what: 'recognition to withdraw the credit', timeoutMs: 30000 },
  );
}
