import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ACHIEVEMENT_VERSION_MODEL, AchievementVersionSchema } from './achievements/achievement.schema';
import { AchievementsController } from './achievements/achievements.controller';
import { AchievementsRepository } from './achievements/achievements.repository';
import { AchievementsService } from './achievements/achievements.service';
import { CoursesConsumer } from './courses/courses.consumer';
import { KNOWN_COURSE_MODEL, KnownCourseSchema } from './courses/known-course.schema';
import { ISSUER_MODEL, IssuerSchema, SIGNING_KEY_MODEL, SigningKeySchema } from './issuers/issuer.schema';
import { IssuersController } from './issuers/issuers.controller';
import { IssuersRepository } from './issuers/issuers.repository';
import { IssuersService } from './issuers/issuers.service';
import { KEY_ENCRYPTER, loadKeyEncrypter } from './issuers/key-encrypter.provider';
import { OrganisationsConsumer } from './issuers/organisations.consumer';

const models = [
  { name: ISSUER_MODEL, schema: IssuerSchema, collection: 'issuers' },
  { name: SIGNING_KEY_MODEL, schema: SigningKeySchema, collection: 'signing_keys' },
  { name: KNOWN_COURSE_MODEL, schema: KnownCourseSchema, collection: 'known_courses' },
  { name: ACHIEVEMENT_VERSION_MODEL, schema: AchievementVersionSchema, collection: 'achievement_versions' },
];

/** Issuer profiles, signing keys and achievements (credential issuing, status lists and verification build on these). */
@Module({
  imports: [MongooseModule.forFeature(models)],
  controllers: [IssuersController, OrganisationsConsumer, AchievementsController, CoursesConsumer],
  providers: [
    IssuersRepository,
    IssuersService,
    AchievementsRepository,
    AchievementsService,
    {
      provide: KEY_ENCRYPTER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => loadKeyEncrypter(config),
    },
  ],
})
export class CredentialsModule {}
