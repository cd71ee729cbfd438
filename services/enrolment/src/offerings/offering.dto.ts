import { plainLine } from '@lib/contracts';
import { z } from 'zod';

export const createOfferingBody = z
  .strictObject({
    courseId: z.uuid(),
    deliveringOrganisationId: z.uuid(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    mode: z.enum(['in-person', 'online', 'blended']),
    location: plainLine(300).optional(),
    capacity: z.int().min(1).max(10000),
    enrolmentOpensAt: z.iso.datetime({ offset: true }),
    enrolmentClosesAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((body, context) => {
    if (body.endDate < body.startDate)
      context.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
    if (Date.parse(body.enrolmentClosesAt) <= Date.parse(body.enrolmentOpensAt)) {
      context.addIssue({
        code: 'custom',
        path: ['enrolmentClosesAt'],
        message: 'must be after enrolmentOpensAt',
      });
    }
    if (body.mode !== 'online' && body.location === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'is required unless the offering is online',
      });
    }
  });

export type CreateOfferingBody = z.output<typeof createOfferingBody>;

/** The moves an offering's status can make, each once: publish (draft to open), close, complete. */
export const STATUS_ACTIONS = { publish: 'open', close: 'closed', complete: 'completed' } as const;
export type StatusAction = keyof typeof STATUS_ACTIONS;
