import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { PAGE_HEADERS, PUBLIC_DIR } from './public-pages';

/** `/verify`: the public page where anyone checks a credential, and where share links and QR codes land. */
@ApiExcludeController()
@Controller('verify')
export class VerifyPageController {
  @Get()
  page(@Res() response: Response): void {
    response
      .set(PAGE_HEADERS)
      .type('html')
      .sendFile(join(PUBLIC_DIR, 'verify', 'index.html'));
  }
}
