import {
  BadRequestException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { slowPdf } from '../testing/hostile-pdfs';
import { UploadReader } from './upload-reader';
import type { UploadLimits } from './upload-limits';

const limits: UploadLimits = {
  pdfMaxBytes: 1024 * 1024,
  pdfTimeLimitMs: 10_000,
  batchTimeLimitMs: 10_000,
  workers: 1,
  queueLimit: 0,
  memoryLimitMb: 256,
};

async function pdfWith(attachments: Record<string, string>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  for (const [name, text] of Object.entries(attachments)) await document.attach(Buffer.from(text), name);
  return document.save();
}

/** What an HTTP exception answers: its class and its body. */
async function refusal(reading: Promise<unknown>): Promise<[string, unknown]> {
  const error = await reading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error) || !('getResponse' in error))
    throw new Error(`not refused: ${String(error)}`);
  return [error.constructor.name, (error as BadRequestException).getResponse()];
}

describe('upload reader', () => {
  const readers: UploadReader[] = [];
  const readerWith = (over: Partial<UploadLimits> = {}) => {
    const reader = new UploadReader({ uploads: { ...limits, ...over } });
    readers.push(reader);
    return reader;
  };

  afterEach(async () => {
    await Promise.all(readers.splice(0).map((reader) => reader.onModuleDestroy()));
  });

  it('reads the credential a certificate PDF carries, in a worker thread', async () => {
    const reader = readerWith();
    expect(await reader.credentialOfPdf(await pdfWith({ 'credential.jwt': 'a.b.c' }))).toBe('a.b.c');
  });

  it('refuses junk at once with 422, and a PDF over the limit with 413, naming the problem', async () => {
    const reader = readerWith({ pdfMaxBytes: 4096 });
    expect(await refusal(reader.credentialOfPdf(Buffer.from('not a PDF')))).toEqual([
      UnprocessableEntityException.name,
      {
        message: 'The PDF cannot be verified: it has no %PDF- header in its first 1,024 bytes.',
        errors: [{ field: 'pdf', message: 'has no %PDF- header in its first 1,024 bytes' }],
      },
    ]);
    expect(await refusal(reader.credentialOfPdf(new Uint8Array(5000)))).toEqual([
      PayloadTooLargeException.name,
      {
        message: 'The PDF is too large: it is 5,000 bytes; at most 4,096.',
        errors: [{ field: 'pdf', message: 'is 5,000 bytes; at most 4,096' }],
      },
    ]);
  });

  it('refuses a PDF that carries no credential, or cannot be read, with 422', async () => {
    const reader = readerWith();
    expect(await refusal(reader.credentialOfPdf(await pdfWith({ 'notes.txt': 'x' })))).toEqual([
      UnprocessableEntityException.name,
      expect.objectContaining({
        errors: [
          {
            field: 'pdf',
            message: 'carries no signed credential (a certificate has it attached as credential.jwt)',
          },
        ],
      }),
    ]);
    expect(await refusal(reader.credentialOfPdf(Buffer.from('%PDF-1.7\n)(\nstartxref\n3\n%%EOF')))).toEqual([
      UnprocessableEntityException.name,
      expect.objectContaining({ errors: [{ field: 'pdf', message: 'could not be read as a PDF' }] }),
    ]);
  });

  it('ends a read past its time limit with 422, and reads the next PDF with a new worker', async () => {
    const reader = readerWith({ pdfTimeLimitMs: 1000 });
    expect(await refusal(reader.credentialOfPdf(slowPdf()))).toEqual([
      UnprocessableEntityException.name,
      expect.objectContaining({ errors: [{ field: 'pdf', message: 'took longer than 1000 ms to read' }] }),
    ]);
    const reading = reader.credentialOfPdf(await pdfWith({ 'credential.jwt': 'a.b.c' }));
    await expect(reading).resolves.toBe('a.b.c');
  });

  it('answers 503 with the wait when every worker is busy and the queue is full', async () => {
    const reader = readerWith({ pdfTimeLimitMs: 1000 });
    const busy = reader.credentialOfPdf(slowPdf()).catch(() => undefined);
    expect(await refusal(reader.credentialOfPdf(await pdfWith({ 'credential.jwt': 'a.b.c' })))).toEqual([
      ServiceUnavailableException.name,
      {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Too many uploads are being read at the moment; try again in 5 seconds.',
        retryAfterSeconds: 5,
      },
    ]);
    await busy;
  });

  it('reads batch bodies and files as the request said, and answers their problems with 400', async () => {
    const reader = readerWith();
    const json = Buffer.from(JSON.stringify({ credentials: ['a.b.c'], holderEmail: 'a@b.example' }));
    expect(await reader.batchOf({ format: 'json', bytes: json })).toEqual({
      credentials: [
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: 'EnvelopedVerifiableCredential',
          id: 'data:application/vc+jwt,a.b.c',
        },
      ],
      options: { holderEmail: 'a@b.example' },
    });
    expect(
      await refusal(reader.batchOf({ format: 'json', bytes: Buffer.from('{"credentials":[], "x": 1}') })),
    ).toEqual([
      BadRequestException.name,
      {
        error: 'Bad Request',
        message: 'The request is not valid; see errors.',
        errors: [
          { field: 'credentials', message: 'send at least one credential' },
          { field: 'x', message: 'is not a known field' },
        ],
      },
    ]);
    expect(await refusal(reader.batchOf({ format: 'json', bytes: Buffer.from('[') }))).toEqual([
      BadRequestException.name,
      expect.objectContaining({
        errors: [{ field: '(body)', message: expect.stringMatching(/^is not valid JSON/) }],
      }),
    ]);
    expect(await refusal(reader.batchOf({ format: 'file', bytes: Buffer.from('jwt\n\n') }))).toEqual([
      BadRequestException.name,
      {
        message: 'The file could not be verified as a batch.',
        errors: [{ field: 'file', message: 'holds no credentials' }],
      },
    ]);
  });
});
