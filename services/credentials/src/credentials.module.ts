import { type DynamicModule, Module } from '@nestjs/common';
import { ID_LIST_MODEL, ID_LISTS_COLLECTION, IdListSchema } from '@lib/persistence';
import { MongooseModule } from '@nestjs/mongoose';
import { ACHIEVEMENT_VERSION_MODEL, AchievementVersionSchema } from './achievements/achievement.schema';
import { AchievementsController } from './achievements/achievements.controller';
import { AchievementsRepository } from './achievements/achievements.repository';
import { AchievementsService } from './achievements/achievements.service';
import {
  CERTIFICATE_BRANDING_MODEL,
  CertificateBrandingSchema,
} from './branding/certificate-branding.schema';
import { CertificateBrandingController } from './branding/certificate-branding.controller';
import { CertificateBrandingRepository } from './branding/certificate-branding.repository';
import { CertificateBrandingService } from './branding/certificate-branding.service';
import { CredentialMetrics } from './common/credential-metrics';
import { CoursesConsumer } from './courses/courses.consumer';
import { KnownCoursesRepository } from './courses/known-courses.repository';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from './credentials-settings';
import { KNOWN_COURSE_MODEL, KnownCourseSchema } from './courses/known-course.schema';
import { ISSUER_MODEL, IssuerSchema, SIGNING_KEY_MODEL, SigningKeySchema } from './issuers/issuer.schema';
import { IssuersController } from './issuers/issuers.controller';
import { IssuersRepository } from './issuers/issuers.repository';
import { KeyReEncryption } from './issuers/key-re-encryption';
import { HubDidController } from './issuers/hub-did.controller';
import { IssuersService } from './issuers/issuers.service';
import { KEY_ENCRYPTER, loadKeyEncrypter } from './issuers/key-encrypter.provider';
import { OrganisationsConsumer } from './issuers/organisations.consumer';
import {
  AWARD_HOLD_MODEL,
  AwardHoldSchema,
  ISSUED_CREDENTIAL_MODEL,
  LEARNER_CREDENTIALS_MODEL,
  LearnerCredentialsSchema,
  ISSUED_CREDENTIALS_COLLECTION,
  IssuedCredentialSchema,
  STATUS_ALLOCATION_MODEL,
  StatusAllocationSchema,
} from './issuing/issued-credential.schema';
import { IssuedCredentialsController } from './issuing/issued-credentials.controller';
import { IssuedCredentialsService } from './issuing/issued-credentials.service';
import { IssuingRepository } from './issuing/issuing.repository';
import { AwardIssuer } from './issuing/award-issuer';
import {
  DIRECT_CREDENTIAL_MODEL,
  DIRECT_CREDENTIALS_COLLECTION,
  DirectCredentialSchema,
} from './direct-issuing/direct-credential.schema';
import { DirectCredentialsRepository } from './direct-issuing/direct-credentials.repository';
import { DirectIssuer } from './direct-issuing/direct-issuer';
import { DirectIssuingController } from './direct-issuing/direct-issuing.controller';
import { StatusSlots } from './issuing/status-slots';
import { IdListsBackfillRepository } from './common/id-lists-backfill.repository';
import { IssuingService } from './issuing/issuing.service';
import { ProgressConsumer } from './progress/progress.consumer';
import { ProgressRepository } from './progress/progress.repository';
import { StatusListsController } from './status-lists/status-lists.controller';
import { StatusListsService } from './status-lists/status-lists.service';
import { CredentialStatusController } from './status-lists/credential-status.controller';
import { CredentialStatusService } from './status-lists/credential-status.service';
import { StatusChangesRepository } from './status-lists/status-changes.repository';
import {
  SHARE_LINK_MODEL,
  SHARE_LINK_WITHDRAWAL_MODEL,
  ShareLinkSchema,
  ShareLinkWithdrawalSchema,
} from './sharing/share-link.schema';
import { CertificateRenderer } from './sharing/certificate-renderer';
import { SharingController } from './sharing/sharing.controller';
import { ShareLinksRepository } from './sharing/share-links.repository';
import { SharingService } from './sharing/sharing.service';
import { OfflineBundlesService } from './sharing/offline-bundles.service';
import {
  WALLET_DELIVERY_MODEL,
  WALLET_OFFER_MODEL,
  WalletDeliverySchema,
  WalletOfferSchema,
} from './wallets/wallet-offer.schema';
import {
  OID4VCI_GRANT_MODEL,
  OID4VCI_OFFER_MODEL,
  Oid4vciGrantSchema,
  Oid4vciOfferSchema,
} from './oid4vci/oid4vci-offer.schema';
import { Oid4vciController } from './oid4vci/oid4vci.controller';
import { Oid4vciOffersRepository } from './oid4vci/oid4vci-offers.repository';
import { Oid4vciService } from './oid4vci/oid4vci.service';
import { WalletExchangesController } from './wallets/wallet-exchanges.controller';
import { WalletExchangesService } from './wallets/wallet-exchanges.service';
import { WalletOffersRepository } from './wallets/wallet-offers.repository';
import { UploadReader } from './uploads/upload-reader';
import { OwnIssuerLookups } from './verification/own-issuer-lookups';
import { VerificationRateLimitGuard } from './verification/rate-limit.guard';
import { IssuerKeysCheck } from './verification/issuer-keys-check';
import { OrganisationTrustListController } from './verification/organisation-trust-list.controller';
import { remoteDocumentsProvider } from './verification/remote-documents.provider';
import { TrustListController } from './verification/trust-list.controller';
import { TrustListKeyRepository } from './verification/trust-list-key.repository';
import { TRUST_LIST_KEY_MODEL, TrustListKeySchema } from './verification/trust-list-key.schema';
import { TrustSnapshotController } from './verification/trust-snapshot.controller';
import { TrustSnapshotsService } from './verification/trust-snapshots.service';
import { TrustListMigration } from './verification/trust-list-migration';
import { TrustListRepository } from './verification/trust-list.repository';
import { TrustListService } from './verification/trust-list.service';
import { TRUSTED_ISSUER_MODEL, TrustedIssuerSchema } from './verification/trusted-issuer.schema';
import { VerificationController } from './verification/verification.controller';
import { PresentationVerificationService } from './verification/presentation-verification.service';
import { VerificationService } from './verification/verification.service';
import {
  STATUS_CHANGE_MODEL,
  STATUS_CHANGES_COLLECTION,
  StatusChangeSchema,
} from './status-lists/status-change.schema';
import {
  PartnerAuthorisationsSchema,
  OFFERING_FACT_MODEL,
  OfferingFactSchema,
  ORGANISATION_FACT_MODEL,
  OrganisationFactSchema,
  LEARNER_PROGRESS_MODEL,
  PARTNER_AUTHORISATIONS_MODEL,
  LearnerProgressSchema,
} from './progress/progress.schema';

import { APPROVED_CREDITS_MODEL, ApprovedCreditsSchema } from './learner-records/approved-credit.schema';
import { ApprovedCreditsConsumer } from './learner-records/approved-credits.consumer';
import { ApprovedCreditsRepository } from './learner-records/approved-credits.repository';
import {
  LEARNER_RECORD_MODEL,
  LEARNER_RECORDS_COLLECTION,
  LearnerRecordSchema,
} from './learner-records/learner-record.schema';
import { LearnerRecordsController } from './learner-records/learner-records.controller';
import { LearnerRecordsRepository } from './learner-records/learner-records.repository';
import { LearnerRecordsService } from './learner-records/learner-records.service';
const models = [
  { name: ISSUER_MODEL, schema: IssuerSchema, collection: 'issuers' },
  { name: SIGNING_KEY_MODEL, schema: SigningKeySchema, collection: 'signing_keys' },
  { name: KNOWN_COURSE_MODEL, schema: KnownCourseSchema, collection: 'known_courses' },
  { name: ACHIEVEMENT_VERSION_MODEL, schema: AchievementVersionSchema, collection: 'achievement_versions' },
  { name: LEARNER_PROGRESS_MODEL, schema: LearnerProgressSchema, collection: 'learner_progress' },
  { name: OFFERING_FACT_MODEL, schema: OfferingFactSchema, collection: 'offering_facts' },
  { name: ORGANISATION_FACT_MODEL, schema: OrganisationFactSchema, collection: 'organisation_facts' },
  {
    name: PARTNER_AUTHORISATIONS_MODEL,
    schema: PartnerAuthorisationsSchema,
    collection: 'partner_authorisations',
  },
  {
    name: ISSUED_CREDENTIAL_MODEL,
    schema: IssuedCredentialSchema,
    collection: ISSUED_CREDENTIALS_COLLECTION,
  },
  { name: STATUS_ALLOCATION_MODEL, schema: StatusAllocationSchema, collection: 'status_allocations' },
  { name: AWARD_HOLD_MODEL, schema: AwardHoldSchema, collection: 'award_holds' },
  { name: LEARNER_CREDENTIALS_MODEL, schema: LearnerCredentialsSchema, collection: 'learner_credentials' },
  { name: STATUS_CHANGE_MODEL, schema: StatusChangeSchema, collection: STATUS_CHANGES_COLLECTION },
  { name: SHARE_LINK_MODEL, schema: ShareLinkSchema, collection: 'share_links' },
  {
    name: SHARE_LINK_WITHDRAWAL_MODEL,
    schema: ShareLinkWithdrawalSchema,
    collection: 'share_link_withdrawals',
  },
  {
    name: CERTIFICATE_BRANDING_MODEL,
    schema: CertificateBrandingSchema,
    collection: 'certificate_brandings',
  },
  { name: TRUSTED_ISSUER_MODEL, schema: TrustedIssuerSchema, collection: 'trusted_issuers' },
  { name: TRUST_LIST_KEY_MODEL, schema: TrustListKeySchema, collection: 'trust_list_keys' },
  { name: ID_LIST_MODEL, schema: IdListSchema, collection: ID_LISTS_COLLECTION },
  {
    name: DIRECT_CREDENTIAL_MODEL,
    schema: DirectCredentialSchema,
    collection: DIRECT_CREDENTIALS_COLLECTION,
  },
  { name: LEARNER_RECORD_MODEL, schema: LearnerRecordSchema, collection: LEARNER_RECORDS_COLLECTION },
  { name: APPROVED_CREDITS_MODEL, schema: ApprovedCreditsSchema, collection: 'approved_credits' },
  { name: WALLET_OFFER_MODEL, schema: WalletOfferSchema, collection: 'wallet_offers' },
  { name: WALLET_DELIVERY_MODEL, schema: WalletDeliverySchema, collection: 'wallet_deliveries' },
  { name: OID4VCI_OFFER_MODEL, schema: Oid4vciOfferSchema, collection: 'oid4vci_offers' },
  { name: OID4VCI_GRANT_MODEL, schema: Oid4vciGrantSchema, collection: 'oid4vci_grants' },
];

/** Collections whose records carry events for the outbox relay. */
export const CREDENTIALS_OUTBOX_COLLECTIONS = [
  ISSUED_CREDENTIALS_COLLECTION,
  STATUS_CHANGES_COLLECTION,
  DIRECT_CREDENTIALS_COLLECTION,
  LEARNER_RECORDS_COLLECTION,
];

/** Issuer profiles, signing keys, achievements, issuing credentials by the award rule, sharing and verification. */
@Module({
  imports: [MongooseModule.forFeature(models)],
  controllers: [
    IssuersController,
    HubDidController,
    OrganisationsConsumer,
    AchievementsController,
    CoursesConsumer,
    ProgressConsumer,
    IssuedCredentialsController,
    StatusListsController,
    CredentialStatusController,
    SharingController,
    CertificateBrandingController,
    TrustListController,
    TrustSnapshotController,
    OrganisationTrustListController,
    VerificationController,
    DirectIssuingController,
    LearnerRecordsController,
    ApprovedCreditsConsumer,
    WalletExchangesController,
    Oid4vciController,
  ],
  providers: [
    CredentialMetrics,
    IssuersRepository,
    IssuersService,
    AchievementsRepository,
    AchievementsService,
    ProgressRepository,
    IssuingRepository,
    IssuingService,
    AwardIssuer,
    StatusSlots,
    DirectCredentialsRepository,
    DirectIssuer,
    LearnerRecordsRepository,
    LearnerRecordsService,
    ApprovedCreditsRepository,
    IdListsBackfillRepository,
    IssuedCredentialsService,
    StatusChangesRepository,
    CredentialStatusService,
    StatusListsService,
    ShareLinksRepository,
    SharingService,
    OfflineBundlesService,
    CertificateRenderer,
    CertificateBrandingRepository,
    CertificateBrandingService,
    KnownCoursesRepository,
    TrustListRepository,
    TrustListService,
    TrustSnapshotsService,
    TrustListKeyRepository,
    TrustListMigration,
    KeyReEncryption,
    IssuerKeysCheck,
    remoteDocumentsProvider,
    OwnIssuerLookups,
    VerificationService,
    PresentationVerificationService,
    UploadReader,
    VerificationRateLimitGuard,
    WalletOffersRepository,
    WalletExchangesService,
    Oid4vciOffersRepository,
    Oid4vciService,
    {
      provide: KEY_ENCRYPTER,
      inject: [CREDENTIALS_SETTINGS],
      useFactory: (settings: CredentialsSettings) => loadKeyEncrypter(settings),
    },
  ],
})
export class CredentialsModule {
  /** The module with the service's own settings, parsed at start-up, for the guard and providers that need them. */
  static register(settings: CredentialsSettings): DynamicModule {
    return {
      module: CredentialsModule,
      providers: [{ provide: CREDENTIALS_SETTINGS, useValue: settings }],
    };
  }
}
