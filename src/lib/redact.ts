// Source URLs may carry credentials: `https://user:pass@wire.example/feed` or an API
// key in the query (`?apikey=…`), as agencies hand them out. They are used to fetch and
// never shown: errors, logs and the CLI print the redacted form.
const SECRET_PARAM = /^(api[-_]?key|apikey|key|token|access[-_]?token|auth|secret|password|passwd|pass|sig|signature)$/i;
const HIDDEN = '***';

/** The URL with its user info and secret-looking query values replaced by ***; anything else (a file path) unchanged. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
  if (u.username) u.username = HIDDEN;
  if (u.password) u.password = HIDDEN;
  for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.set(name, HIDDEN);
  return u.toString();
}

/** Splits `https://user:pass@host/…` into the URL without them and a Basic authorization header (RFC 7617). */
export function splitCredentials(url: string): { readonly url: string; readonly authorization?: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { url };
  }
  if (!u.username && !u.password) return { url };
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  u.username = '';
  u.password = '';
  return { url: u.toString(), authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}
