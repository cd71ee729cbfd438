import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, CsvBody, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BulkCompletionService } from './bulk-completion.service';
import { BulkEnrolmentService } from './bulk-enrolment.service';
import {
  type CompletionBody,
  completionBody,
  type EnrolBody,
  enrolBody,
  type WithdrawBody,
  withdrawBody,
} from './enrolment.dto';
import { bulkCompletionReport, bulkEnrolmentReport, enrolmentView } from './enrolment.view-schema';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('api/enrolment')
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly bulk: BulkEnrolmentService,
    private readonly bulkCompletions: BulkCompletionService,
  ) {}

  @Post('offerings/:offeringId/enrolments')
  @ApiErrors(
    [409, 'The offering is not open for enrolment now, or the learner is enrolled on it already'],
    [422, 'The `learnerId` names no learner you can enrol'],
  )
  @ApiZodBody(enrolBody)
  @Roles('registrar', 'partner')
  @ApiOperation({
    summary: 'Enrol a learner: a seat while there is one, else the waitlist; 409 when enrolled already',
  })
  @ApiZodResponse(enrolmentView, {
    status: 201,
    description: 'The enrolment: a seat, or a place on the waitlist',
  })
  enrol(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @Body(validate(enrolBody)) body: EnrolBody,
  ) {
    return this.enrolments.enrol(actor, offeringId, body);
  }

  @Post('offerings/:offeringId/enrolments/bulk')
  @ApiErrors([409, 'The offering is not open for enrolment now'])
  @HttpCode(200)
  @Roles('registrar', 'partner')
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'CSV rows: learner email, given name, family name (a header row is allowed)' })
  @ApiOperation({
    summary: 'Enrol learners from CSV, in file order; a result per row; uploading again changes nothing',
  })
  @ApiZodResponse(bulkEnrolmentReport, { description: 'A result per row' })
  enrolFromCsv(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @CsvBody() csv: string,
  ) {
    return this.bulk.enrol(actor, offeringId, csv);
  }

  @Post('offerings/:offeringId/completions/bulk')
  @HttpCode(200)
  @Roles('registrar', 'partner')
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'CSV rows: enrolment id or learner email, attendance (attended | did-not-attend); a header row ' +
      '`enrolmentId,attendance` is allowed',
  })
  @ApiOperation({
    summary:
      "Record enrolled learners' attendance from CSV, as one completion call per row would; a result per row " +
      '(completed, duplicate when recorded already, invalid with the reason); uploading again changes nothing',
  })
  @ApiZodResponse(bulkCompletionReport, { description: 'A result per row' })
  completeFromCsv(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @CsvBody() csv: string,
  ) {
    return this.bulkCompletions.complete(actor, offeringId, csv);
  }

  @Get('offerings/:offeringId/enrolments')
  @Roles('registrar', 'partner', 'assessor')
  @ApiOperation({
    summary: "An offering's enrolments in request order, with status, seat and waitlist position",
  })
  @ApiZodResponse(pageSchema(enrolmentView), { description: 'A page of enrolments, with learners’ names' })
  list(
    @CurrentActor() actor: Actor,
    @Param('offeringId', IdParam) offeringId: string,
    @ZodQuery(paginationQuery) pagination: Pagination,
  ) {
    return this.enrolments.listForOffering(actor, offeringId, pagination);
  }

  @Get('enrolments/:id')
  @ApiOperation({ summary: 'One enrolment (staff running the offering, or the learner)' })
  @ApiZodResponse(enrolmentView, { description: 'The enrolment' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.enrolments.get(actor, id);
  }

  @Post('enrolments/:id/withdrawal')
  @ApiErrors([409, 'The enrolment is withdrawn already, or cannot be withdrawn in its present status'])
  @ApiZodBody(withdrawBody)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw (staff or the learner); a freed seat goes to the first on the waitlist',
  })
  @ApiZodResponse(enrolmentView, { description: 'The enrolment, withdrawn' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(withdrawBody)) body: WithdrawBody,
  ) {
    return this.enrolments.withdraw(actor, id, body);
  }

  @Post('enrolments/:id/completion')
  @ApiErrors([409, 'Completion is recorded already, or the learner is not enrolled'])
  @ApiZodBody(completionBody)
  @HttpCode(200)
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: 'Record whether an enrolled learner attended (once)' })
  @ApiZodResponse(enrolmentView, { description: 'The enrolment, completed' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(completionBody)) body: CompletionBody,
  ) {
    return this.enrolments.complete(actor, id, body);
  }
}
