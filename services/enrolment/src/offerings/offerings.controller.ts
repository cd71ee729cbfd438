import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CreateOfferingBody, createOfferingBody } from './offering.dto';
import { offeringView } from './offering.view-schema';
import { OfferingsService } from './offerings.service';

@ApiTags('offerings')
@ApiBearerAuth()
@Controller('api/enrolment/offerings')
export class OfferingsController {
  constructor(private readonly offerings: OfferingsService) {}

  @Post()
  @ApiErrors([
    404,
    'No course you may offer with the `courseId`, or no organisation with the `deliveringOrganisationId`',
  ])
  @ApiZodBody(createOfferingBody)
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: 'Create a draft offering of a course, delivered by an authorised organisation' })
  @ApiZodResponse(offeringView, { status: 201, description: 'The draft offering' })
  create(@CurrentActor() actor: Actor, @Body(validate(createOfferingBody)) body: CreateOfferingBody) {
    return this.offerings.create(actor, body);
  }

  @Post(':id/publish')
  @ApiErrors([409, 'The offering cannot be opened from its present status'])
  @HttpCode(200)
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: 'Publish a draft offering: enrolment opens and the offering is announced' })
  @ApiZodResponse(offeringView, { description: 'The offering, open' })
  publish(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.offerings.changeStatus(actor, id, 'publish');
  }

  @Post(':id/close')
  @ApiErrors([409, 'The offering cannot be closed from its present status'])
  @HttpCode(200)
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: 'Close an open offering to enrolment' })
  @ApiZodResponse(offeringView, { description: 'The offering, closed' })
  close(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.offerings.changeStatus(actor, id, 'close');
  }

  @Post(':id/complete')
  @ApiErrors([409, 'The offering cannot be completed from its present status'])
  @HttpCode(200)
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: 'Mark an offering as completed' })
  @ApiZodResponse(offeringView, { description: 'The offering, completed' })
  complete(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.offerings.changeStatus(actor, id, 'complete');
  }

  @Get()
  @Roles('registrar', 'partner', 'assessor')
  @ApiOperation({
    summary:
      "Your awarding body's offerings, or the ones your organisation delivers (partner staff, and assessors of a partner)",
  })
  @ApiZodResponse(pageSchema(offeringView), { description: 'A page of offerings' })
  list(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.offerings.list(actor, pagination);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One offering with its status' })
  @ApiZodResponse(offeringView, { description: 'The offering' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.offerings.get(actor, id);
  }
}
