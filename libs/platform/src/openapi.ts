import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI document and its UI at `/api/<service>/docs` (JSON at `/api/<service>/docs-json`). */
export function setupOpenApi(app: INestApplication, service: string, description: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Credit Bridge ${service}`)
      .setDescription(description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`api/${service}/docs`, app, document, { jsonDocumentUrl: `api/${service}/docs-json` });
}
