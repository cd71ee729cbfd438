import { ServiceMetrics } from '@lib/platform';
import type { VerificationStatus } from '@lib/vc';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';

/** Which credentials: awards (the award rule), the VC-API's, learner records. */
export type CredentialKind = 'award' | 'direct' | 'learner-record';
export type SigningFormat = 'jwt' | 'data-integrity';
export type StatusChangeAction = 'revoke' | 'suspend' | 'reinstate';

/** Signing and verifying take milliseconds; the buckets reach a second for a slow key read or a large record. */
const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The credentials service's own metrics: what it issues and changes, its verifications, and signing times. */
@Injectable()
export class CredentialMetrics {
  private readonly issuedTotal: Counter<'kind'>;
  private readonly revokedTotal: Counter;
  private readonly suspendedTotal: Counter;
  private readonly reinstatedTotal: Counter;
  private readonly verificationsTotal: Counter<'result'>;
  private readonly signingSeconds: Histogram<'format'>;
  private readonly verificationSeconds: Histogram;

  constructor(metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.issuedTotal = new Counter({
      name: 'credit_bridge_credentials_issued_total',
      help: 'Credentials issued (stored, with their event), by kind',
      labelNames: ['kind'],
      registers,
    });
    this.revokedTotal = new Counter({
      name: 'credit_bridge_credentials_revoked_total',
      help: 'Credentials revoked',
      registers,
    });
    this.suspendedTotal = new Counter({
      name: 'credit_bridge_credentials_suspended_total',
      help: 'Credentials suspended (held)',
      registers,
    });
    this.reinstatedTotal = new Counter({
      name: 'credit_bridge_credentials_reinstated_total',
      help: 'Suspended credentials reinstated',
      registers,
    });
    this.verificationsTotal = new Counter({
      name: 'credit_bridge_verifications_total',
      help: 'Credentials verified, by result (valid, invalid, revoked, suspended, expired, ...)',
      labelNames: ['result'],
      registers,
    });
    this.signingSeconds = new Histogram({
      name: 'credit_bridge_signing_duration_seconds',
      help: 'Time to sign a credential or status list, by format (VC-JWT or Data Integrity proof)',
      labelNames: ['format'],
      buckets: SECONDS,
      registers,
    });
    this.verificationSeconds = new Histogram({
      name: 'credit_bridge_verification_duration_seconds',
      help: 'Time to verify one credential, key and status reads included',
      buckets: SECONDS,
      registers,
    });
  }

  issued(kind: CredentialKind, count = 1): void {
    if (count > 0) this.issuedTotal.inc({ kind }, count);
  }

  statusChanged(action: StatusChangeAction): void {
    const counters = {
      revoke: this.revokedTotal,
      suspend: this.suspendedTotal,
      reinstate: this.reinstatedTotal,
    };
    counters[action].inc();
  }

  /** Times a synchronous signing (a VC-JWT). */
  signed<T>(format: SigningFormat, sign: () => T): T {
    const end = this.signingSeconds.startTimer({ format });
    try {
      return sign();
    } finally {
      end();
    }
  }

  /** Times an asynchronous signing (a Data Integrity proof). */
  async proved<T>(sign: () => Promise<T>): Promise<T> {
    const end = this.signingSeconds.startTimer({ format: 'data-integrity' });
    try {
      return await sign();
    } finally {
      end();
    }
  }

  /** Times one verification and counts it by its result. */
  async verified<T extends { status: VerificationStatus }>(verify: () => Promise<T>): Promise<T> {
    const end = this.verificationSeconds.startTimer();
    const result = await verify();
    end();
    this.verificationsTotal.inc({ result: result.status });
    return result;
  }
}
