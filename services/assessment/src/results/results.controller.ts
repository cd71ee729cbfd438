import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, CsvBody, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BulkMarksService } from './bulk-marks.service';
import { MarksService } from './marks.service';
import {
  type AmendBody,
  amendBody,
  type OfferingResultsQuery,
  offeringResultsQuery,
  type RatificationQueueQuery,
  ratificationQueueQuery,
  type RecordMarksBody,
  recordMarksBody,
} from './result.dto';
import { ResultsService } from './results.service';
import {
  bulkMarksReport,
  offeringRatificationView,
  ratificationQueueEntry,
  resultView,
} from './result.view-schema';

@ApiTags('results')
@ApiBearerAuth()
@Controller('api/assessment')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly marks: MarksService,
    private readonly bulk: BulkMarksService,
  ) {}

  @Post('offerings/:offeringId/results')
  @ApiZodBody(recordMarksBody)
  @Roles('assessor', 'registrar')
  @ApiOperation({ summary: 'Record component marks for a learner; the result is provisional' })
  @ApiZodResponse(resultView, { status: 201, description: 'The result, provisional' })
  @ApiErrors([
    409,
    'The course has no assessment scheme yet, or the learner cannot take these marks (withdrawn, passed, out of attempts)',
  ])
  record(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @Body(validate(recordMarksBody)) body: RecordMarksBody,
  ) {
    return this.marks.record(actor, offeringId, body.learnerId, body.marks);
  }

  @Post('offerings/:offeringId/results/bulk')
  @HttpCode(200)
  @Roles('assessor', 'registrar')
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'Header learnerId,<component>,... then one row per learner' })
  @ApiOperation({ summary: 'Record marks from CSV, with a result per row' })
  @ApiZodResponse(bulkMarksReport, { description: 'A result per row' })
  @ApiErrors([409, 'The course has no assessment scheme yet'])
  recordFromCsv(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @CsvBody() csv: string,
  ) {
    return this.bulk.record(actor, offeringId, csv);
  }

  @Get('offerings/:offeringId/results')
  @ApiOperation({
    summary:
      "An offering's results with every version, in the order first recorded; or some learners' results",
  })
  @ApiZodResponse(pageSchema(resultView), { description: 'A page of results' })
  list(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @ZodQuery(offeringResultsQuery) query: OfferingResultsQuery,
  ) {
    return this.results.listForOffering(actor, offeringId, query);
  }

  @Get('ratification-queue')
  @Roles('registrar')
  @ApiOperation({
    summary:
      "The exam board's queue: your body's offerings with provisional results, and how many (registrar)",
  })
  @ApiZodResponse(pageSchema(ratificationQueueEntry), {
    description: 'A page of offerings awaiting ratification',
  })
  @ApiErrors([403, 'Not a registrar of an awarding body (its exam board)'])
  ratificationQueue(
    @CurrentActor() actor: Actor,
    @ZodQuery(ratificationQueueQuery) query: RatificationQueueQuery,
  ) {
    return this.results.ratificationQueue(actor, query);
  }

  @Post('offerings/:offeringId/ratification')
  @HttpCode(200)
  @Roles('registrar')
  @ApiOperation({ summary: 'Ratify every provisional result of an offering (exam board)' })
  @ApiZodResponse(offeringRatificationView, { description: 'How many were ratified; why the rest were not' })
  @ApiErrors([403, 'Not a registrar of the awarding body (its exam board)'])
  ratifyOffering(@CurrentActor() actor: Actor, @Param('offeringId', IdParam) offeringId: string) {
    return this.results.ratifyOffering(actor, offeringId);
  }

  @Get('results/:resultId')
  @ApiOperation({ summary: 'One result with every version (staff, or the learner)' })
  @ApiZodResponse(resultView, { description: 'The result' })
  get(@CurrentActor() actor: Actor, @Param('resultId', IdParam) resultId: string) {
    return this.results.get(actor, resultId);
  }

  @Post('results/:resultId/ratification')
  @HttpCode(200)
  @Roles('registrar')
  @ApiOperation({ summary: 'Ratify a result (exam board); only ratified results count for awards' })
  @ApiZodResponse(resultView, { description: 'The result, ratified' })
  @ApiErrors(
    [403, 'Not a registrar of the awarding body (its exam board)'],
    [409, 'The result cannot be ratified as it stands, or is ratified already'],
  )
  ratify(@CurrentActor() actor: Actor, @Param('resultId', IdParam) resultId: string) {
    return this.results.ratify(actor, resultId);
  }

  @Post('results/:resultId/amendment')
  @ApiZodBody(amendBody)
  @HttpCode(200)
  @Roles('registrar')
  @ApiOperation({ summary: 'Amend a ratified result: a new ratified version with the reason (exam board)' })
  @ApiZodResponse(resultView, { description: 'The result with its new, amended version' })
  @ApiErrors(
    [403, 'Not a registrar of the awarding body (its exam board)'],
    [409, 'The result is not ratified, or changed meanwhile'],
  )
  amend(
    @CurrentActor() actor: Actor,
    @Param('resultId', IdParam) resultId: string,
    @Body(validate(amendBody)) body: AmendBody,
  ) {
    return this.results.amend(actor, resultId, body.marks, body.reason);
  }

  @Get('learners/me/results')
  @Roles('learner')
  @ApiOperation({ summary: 'Your own ratified results (learner)' })
  @ApiZodResponse(pageSchema(resultView), { description: 'A page of your results' })
  own(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.results.own(actor, pagination);
  }
}
