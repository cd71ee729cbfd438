import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiFileResponse, ApiZodBody, ApiZodResponse, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  type LearnerRecordBody,
  learnerRecordBody,
  recordFormatQuery,
  recordIdParam,
} from './learner-record.dto';
import { dataIntegrityCredentialView } from '../direct-issuing/direct-issuing.view-schema';
import { OFFLINE_BUNDLE_MEDIA_TYPE, offlineBundleView } from '../sharing/offline-bundle.view-schema';
import { learnerRecordAnswerView, learnerRecordView } from './learner-record.view-schema';
import { LearnerRecordsService, type RecordFormat } from './learner-records.service';

@ApiTags('learner records')
@ApiBearerAuth()
@Roles('learner')
@Controller('api/credentials/learners/me/clr')
export class LearnerRecordsController {
  constructor(private readonly records: LearnerRecordsService) {}

  @Post()
  @ApiZodBody(learnerRecordBody)
  @ApiOperation({
    summary:
      'Your Comprehensive Learner Record (CLR 2.0) from an awarding body, signed by it: your credentials in good standing from it and the MSc credit approved for them. 201 when made now (superseding your previous one), 200 when your newest is unchanged or another request made it at the same moment (learner)',
  })
  @ApiErrors(
    [404, 'No awarding body with that id issues credentials'],
    [422, 'You hold no credentials in good standing from that awarding body, or too many for one record'],
  )
  @ApiZodResponse(learnerRecordAnswerView, { status: 201, description: 'The record, made now' })
  @ApiZodResponse(learnerRecordAnswerView, { status: 200, description: 'Your newest record, unchanged' })
  async generate(
    @CurrentActor() actor: Actor,
    @Body(validate(learnerRecordBody)) body: LearnerRecordBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const answer = await this.records.generate(actor, body.awardingBodyId);
    response.status(answer.created ? 201 : 200);
    return answer;
  }

  @Get()
  @ApiOperation({ summary: 'Your learner records, newest first, each with its status (learner)' })
  @ApiZodResponse(pageSchema(learnerRecordView), { description: 'A page of your learner records' })
  list(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.records.recordsOf(actor, pagination);
  }

  @Get(':credentialId/download')
  @ApiOperation({
    summary:
      'Download your learner record: ?format=jwt (the signed .jwt), json (decoded, with its JWT), data-integrity (the same record with a Data Integrity proof) or bundle (an offline bundle with each credential it holds, verifiable without the network) (learner)',
  })
  @ApiFileResponse({
    description: 'The record as a file (an attachment)',
    types: {
      'application/vc+jwt': 'text',
      'application/json': z.object({ credential: z.looseObject({}), jwt: z.string() }),
      'application/vc': dataIntegrityCredentialView,
      [OFFLINE_BUNDLE_MEDIA_TYPE]: offlineBundleView,
    },
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('credentialId', validate(recordIdParam, 'credentialId')) credentialId: string,
    @ZodQuery(recordFormatQuery) query: { format: RecordFormat },
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.records.download(actor, credentialId, query.format);
    response.attachment(file.fileName).type(file.contentType).send(file.body);
  }
}
