import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidHubSignature, signBody } from './signature.ts';

const BODY = Buffer.from('<rss><channel><item><title>x</title></item></channel></rss>');
const SECRET = 'a-secret';
const hex = (method: string, secret = SECRET, body: Buffer = BODY) => createHmac(method, secret).update(body).digest('hex');

describe('isValidHubSignature', () => {
  it.each([
    ['sha256', `sha256=${hex('sha256')}`, true],
    ['sha1', `sha1=${hex('sha1')}`, true],
    ['sha512', `sha512=${hex('sha512')}`, true],
    ['upper-case hex and method', `SHA256=${hex('sha256').toUpperCase()}`, true],
    ['another secret', `sha256=${hex('sha256', 'other')}`, false],
    ['another body', `sha256=${hex('sha256', SECRET, Buffer.from('x'))}`, false],
    ['a truncated digest', `sha256=${hex('sha256').slice(0, 40)}`, false],
    ['an unknown method', `md5=${hex('md5')}`, false],
    ['the sha1 digest labelled sha256', `sha256=${hex('sha1')}`, false],
    ['no method', hex('sha256'), false],
    ['not hex', 'sha256=zz', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, header, valid) => {
    expect(isValidHubSignature(header, BODY, SECRET)).toBe(valid);
  });

  it('accepts what signBody makes', () => {
    expect(isValidHubSignature(signBody('sha256', BODY, SECRET), BODY, SECRET)).toBe(true);
  });
});
