import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRecognitionEnvironment, recognitionService } from './recognition.definition';

const devIdp = { DEV_IDP_DIR: mkdtempSync(join(tmpdir(), 'idp-')) };

describe('recognition configuration', () => {
  it('stops with a message naming CREDENTIALS_URL when it is not a URL', () => {
    expect(() => recognitionService({ ...devIdp, CREDENTIALS_URL: 'not a url' })).toThrow(
      /recognition: invalid configuration: CREDENTIALS_URL: /,
    );
  });

  it.each([
    ['the local credentials service when unset', undefined, 'http://127.0.0.1:3003'],
    ['the given URL without its trailing slashes', 'http://credentials:3003//', 'http://credentials:3003'],
  ])('asks %s', (_case, value, expected) => {
    const env = value === undefined ? devIdp : { ...devIdp, CREDENTIALS_URL: value };
    expect(loadRecognitionEnvironment(env).settings).toEqual({ credentialsUrl: expected });
  });

  it('keeps the common configuration beside its own', () => {
    expect(loadRecognitionEnvironment(devIdp).config).toMatchObject({ service: 'recognition', port: 3004 });
  });
});
