// X-Hub-Signature (W3C WebSub §8): `method=signature`, the hex HMAC of the raw body keyed
// with the subscription's secret. The spec lists sha1, sha256, sha384 and sha512.
import { createHmac, timingSafeEqual } from 'node:crypto';

const METHODS: ReadonlySet<string> = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

export function signBody(method: 'sha1' | 'sha256' | 'sha384' | 'sha512', body: Uint8Array, secret: string): string {
  return `${method}=${createHmac(method, secret).update(body).digest('hex')}`;
}

/** True when `header` is a valid signature of `body` under `secret`; compared in constant time. */
export function isValidHubSignature(header: string | undefined, body: Uint8Array, secret: string): boolean {
  const eq = header?.indexOf('=') ?? -1;
  if (header === undefined || eq < 0) return false;
  const method = header.slice(0, eq).trim().toLowerCase();
  const given = header.slice(eq + 1).trim().toLowerCase();
  if (!METHODS.has(method) || !/^[0-9a-f]+$/.test(given)) return false;
  const expected = createHmac(method, secret).update(body).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
