/** The contexts an Open Badges 3.0 credential starts with, in this order. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CREDENTIAL_CONTEXTS = [VC_V2_CONTEXT, OB_V3_CONTEXT] as const;
/** 1EdTech CLR 2.0: a ClrCredential's contexts are VC 2.0, CLR 2.0, then Open Badges 3.0 (credentials-standards.md §6). */
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
export const CLR_CONTEXTS = [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT] as const;
