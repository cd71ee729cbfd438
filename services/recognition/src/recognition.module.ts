import { ID_LIST_MODEL, ID_LISTS_COLLECTION, IdListSchema } from '@lib/persistence';
import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  CLAIM_MODEL,
  ClaimSchema,
  DECISION_MODEL,
  DecisionSchema,
  EXTERNAL_CREDENTIAL_MODEL,
  ExternalCredentialSchema,
} from './claims/claim.schema';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsRepository } from './claims/claims.repository';
import { ClaimsService } from './claims/claims.service';
import { ExamBoardClaimsService } from './claims/exam-board-claims.service';
import {
  CredentialVerifier,
  RECOGNITION_SETTINGS,
  type RecognitionSettings,
} from './claims/credential-verifier';
import { ProposalsService } from './claims/proposals.service';
import { IdListsBackfillRepository } from './common/id-lists-backfill.repository';
import { CredentialsConsumer } from './credentials/credentials.consumer';
import {
  CREDENTIAL_STATUS_FACT_MODEL,
  CredentialStatusFactSchema,
  KNOWN_CREDENTIAL_MODEL,
  KNOWN_LEARNER_MODEL,
  KnownCredentialSchema,
  KnownLearnerSchema,
} from './credentials/known-credential.schema';
import { KnownCredentialsRepository } from './credentials/known-credentials.repository';
import {
  CREDIT_HOLD_MODEL,
  CREDIT_MODEL,
  CREDIT_WITHDRAWAL_MODEL,
  CREDIT_WITHDRAWALS_COLLECTION,
  CreditHoldSchema,
  CREDITS_COLLECTION,
  CreditSchema,
  CreditWithdrawalSchema,
  LEDGER_ENTRY_MODEL,
  LedgerEntrySchema,
} from './ledger/ledger.schema';
import { LedgerRepository } from './ledger/ledger.repository';
import { LedgerService } from './ledger/ledger.service';
import {
  MODULE_MODEL,
  PROGRAMME_MODEL,
  ProgrammeModuleSchema,
  ProgrammeSchema,
} from './programmes/programme.schema';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProgrammesRepository } from './programmes/programmes.repository';
import { ProgrammesService } from './programmes/programmes.service';

const models = [
  { name: PROGRAMME_MODEL, schema: ProgrammeSchema, collection: 'programmes' },
  { name: MODULE_MODEL, schema: ProgrammeModuleSchema, collection: 'programme_modules' },
  { name: KNOWN_CREDENTIAL_MODEL, schema: KnownCredentialSchema, collection: 'known_credentials' },
  {
    name: CREDENTIAL_STATUS_FACT_MODEL,
    schema: CredentialStatusFactSchema,
    collection: 'credential_status_facts',
  },
  { name: KNOWN_LEARNER_MODEL, schema: KnownLearnerSchema, collection: 'known_learners' },
  { name: CLAIM_MODEL, schema: ClaimSchema, collection: 'claims' },
  { name: EXTERNAL_CREDENTIAL_MODEL, schema: ExternalCredentialSchema, collection: 'external_credentials' },
  { name: DECISION_MODEL, schema: DecisionSchema, collection: 'decisions' },
  { name: LEDGER_ENTRY_MODEL, schema: LedgerEntrySchema, collection: 'ledger_entries' },
  { name: CREDIT_MODEL, schema: CreditSchema, collection: CREDITS_COLLECTION },
  {
    name: CREDIT_WITHDRAWAL_MODEL,
    schema: CreditWithdrawalSchema,
    collection: CREDIT_WITHDRAWALS_COLLECTION,
  },
  { name: CREDIT_HOLD_MODEL, schema: CreditHoldSchema, collection: 'credit_holds' },
  { name: ID_LIST_MODEL, schema: IdListSchema, collection: ID_LISTS_COLLECTION },
];

/** Collections whose records carry events for the outbox relay. */
export const RECOGNITION_OUTBOX_COLLECTIONS = [CREDITS_COLLECTION, CREDIT_WITHDRAWALS_COLLECTION];

/** Programmes and rules, our credentials as credentials announces them, claims, decisions and the credit ledger. */
@Module({})
export class RecognitionModule {
  static register(settings: RecognitionSettings): DynamicModule {
    return {
      module: RecognitionModule,
      imports: [MongooseModule.forFeature(models)],
      controllers: [ProgrammesController, ClaimsController, CredentialsConsumer],
      providers: [
        { provide: RECOGNITION_SETTINGS, useValue: settings },
        IdListsBackfillRepository,
        ProgrammesRepository,
        ProgrammesService,
        KnownCredentialsRepository,
        LedgerRepository,
        LedgerService,
        ClaimsRepository,
        CredentialVerifier,
        ProposalsService,
        ClaimsService,
        ExamBoardClaimsService,
      ],
    };
  }
}
