import {
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { LOGO_TYPES, type LogoType } from './certificate-logo-reading';

/** The body of a logo upload: its bytes and type; 415 for another content type, 400 for no bytes. */
export const LogoBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): { bytes: Uint8Array; type: LogoType } => {
    const request = context.switchToHttp().getRequest<Request>();
    const type = LOGO_TYPES.find((each) => request.is(each));
    if (!type)
      throw new UnsupportedMediaTypeException({
        message: 'Send the logo as a PNG (Content-Type: image/png) or an SVG (Content-Type: image/svg+xml).',
        errors: [
          { field: 'logo', message: `is ${request.get('content-type') ?? 'of no type'}; PNG or SVG only` },
        ],
      });
    if (!Buffer.isBuffer(request.body) || request.body.length === 0)
      throw new BadRequestException({
        message: 'The logo is empty.',
        errors: [{ field: 'logo', message: 'is empty' }],
      });
    return { bytes: request.body, type };
  },
);
