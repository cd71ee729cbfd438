import Ajv2020 from 'ajv/dist/2020';
import { type DocumentedOperation, errorAnswerProblem, operationsOf, responseSchema } from './api-documents';

/** A service under check: where it answers and its OpenAPI document. */
export interface DocumentedService {
  url: string;
  document: any;
}

export interface SuccessCallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  csv?: string;
  /** A file upload of another type, e.g. an SVG logo. */
  upload?: { type: string; body: string };
}

/**
 * Makes real calls and checks each success answer against the document of the service that gave it: the status is
 * documented for the operation, the media type is one documented for that status, and a JSON body validates against
 * its schema. Remembers which operations had a success answer that matched, and which error answers (`refused`) were
 * given as their documents say.
 */
export class SuccessAnswers {
  // Formats are named but not checked here: zod's schemas carry a pattern for each (uuid, date-time) besides.
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  private readonly matched = new Map<string, Set<string>>();
  private readonly refusals = new Map<string, Set<string>>();
  readonly failures: string[] = [];

  constructor(private readonly services: Record<string, DocumentedService>) {}

  async call(
    service: string,
    method: string,
    path: string,
    options: SuccessCallOptions = {},
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { ...options.headers };
    let payload: string | undefined;
    if (options.upload !== undefined) {
      headers['content-type'] = options.upload.type;
      payload = options.upload.body;
    } else if (options.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      payload = options.csv;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.services[service]!.url}${path}`, { method, headers, body: payload });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    const body = isJson(type) && text !== '' ? JSON.parse(text) : text;
    if (response.status >= 200 && response.status < 300)
      this.check(service, method.toLowerCase(), path, {
        status: response.status,
        type,
        body,
        empty: text === '',
      });
    return { status: response.status, body };
  }

  /** A call that must succeed, or the spec fails with the answer; resolves with the body. */
  async ok(service: string, method: string, path: string, options: SuccessCallOptions = {}): Promise<any> {
    const answer = await this.call(service, method, path, options);
    if (answer.status >= 300)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
    return answer.body;
  }

  /** A call that must be refused with `status`, its answer as the document says (see `refusal`). */
  async refused(
    service: string,
    method: string,
    path: string,
    status: number,
    options: SuccessCallOptions = {},
  ): Promise<void> {
    this.refusal(service, method, path, status, await this.call(service, method, path, options));
  }

  /**
   * Checks an answer that must be the error `status` as the spec's client-error checks do (`errorAnswerProblem`),
   * and remembers it as `METHOD /path/{template} status`.
   */
  refusal(
    service: string,
    method: string,
    path: string,
    status: number,
    answer: { status: number; body: any },
  ): void {
    const op = operationOf(this.services[service]!.document, method.toLowerCase(), path);
    if (!op) return void this.failures.push(`${service}: ${method} ${path} is in no documented operation`);
    const name = `${method.toUpperCase()} ${op.path} ${status}`;
    if (answer.status !== status)
      return void this.failures.push(
        `${name}: answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    const problem = errorAnswerProblem(this.services[service]!.document, op.operation, status, answer.body);
    if (problem) return void this.failures.push(`${name}: ${problem}`);
    this.refusals.set(service, (this.refusals.get(service) ?? new Set<string>()).add(name));
  }

  /** The error answers (`METHOD /path/{template} status`) of the service that matched its document. */
  matchedRefusals(service: string): string[] {
    return [...(this.refusals.get(service) ?? [])].sort();
  }

  /** Operations of the service whose success answer matched its document. */
  matchedOperations(service: string): string[] {
    return [...(this.matched.get(service) ?? [])].sort();
  }

  private check(
    service: string,
    method: string,
    path: string,
    answer: { status: number; type: string; body: unknown; empty: boolean },
  ): void {
    const { document } = this.services[service]!;
    const op = operationOf(document, method, path);
    if (!op) return void this.failures.push(`${service}: ${method} ${path} is in no documented operation`);
    const name = `${method.toUpperCase()} ${op.path}`;
    const fail = (problem: string): void => void this.failures.push(`${name} ${answer.status}: ${problem}`);
    const documented = op.operation.responses[answer.status];
    if (!documented) return fail('status not documented');
    if (answer.status === 204) {
      if (!answer.empty) return fail('a 204 with a body');
    } else {
      if (!documented.content?.[answer.type])
        return fail(
          `answered ${answer.type}, documented ${Object.keys(documented.content ?? {}).join(', ')}`,
        );
      const schema = responseSchema(document, op.operation, answer.status, answer.type);
      if (isJson(answer.type) && !this.ajv.validate(schema, answer.body))
        return fail(`${this.ajv.errorsText()} in ${JSON.stringify(answer.body).slice(0, 600)}`);
      if (!isJson(answer.type) && answer.empty) return fail('an empty file');
    }
    const names = this.matched.get(service) ?? new Set<string>();
    this.matched.set(service, names.add(name));
  }
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/** The operation whose path template a real path fits; a literal segment wins over a parameter (`me` over `{id}`). */
function operationOf(document: any, method: string, path: string): DocumentedOperation | undefined {
  const bare = path.split('?')[0]!;
  const parameters = (op: DocumentedOperation) => (op.path.match(/\{/g) ?? []).length;
  return operationsOf(document)
    .filter((op) => op.method === method && templateOf(op.path).test(bare))
    .sort((a, b) => parameters(a) - parameters(b))[0];
}

function templateOf(path: string): RegExp {
  const pattern = path
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}
