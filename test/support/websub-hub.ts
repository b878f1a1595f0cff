// A WebSub hub on 127.0.0.1 for tests (W3C WebSub): takes subscribe requests, verifies
// intent by calling the subscriber back, distributes content signed with each
// subscriber's secret, and records publish pings. The callback is reached through
// `deliver`, so an app tested in-process (`app.inject`) can be the subscriber.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signBody } from '../../src/websub/signature.ts';

export interface CallbackRequest {
  readonly method: 'GET' | 'POST';
  /** The callback URL, with the hub's query for a GET. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface CallbackResponse {
  readonly status: number;
  readonly body: string;
}

export type Deliver = (req: CallbackRequest) => Promise<CallbackResponse>;

export interface HubRequest {
  readonly form: URLSearchParams;
  readonly at: number;
}

export interface HubSubscription {
  readonly topic: string;
  readonly callback: string;
  readonly secret: string | undefined;
  readonly leaseSeconds: number | undefined;
  /** The subscriber echoed the challenge. */
  verified: boolean;
  /** What the verification GET got back. */
  verification?: CallbackResponse;
}

export interface FakeHub {
  readonly url: string;
  /** Every POST to the hub, in order. */
  readonly requests: HubRequest[];
  readonly subscriptions: HubSubscription[];
  /** hub.url values of publish pings, in order. */
  readonly published: string[];
  /** Status for the next POSTs to the hub, in order; the last repeats. Default 202. */
  answer(...statuses: number[]): void;
  /** Lease granted in verifications (default: the one asked for). */
  grantLease(seconds: number | undefined): void;
  /** Resolves when the verifications under way are done. */
  settle(): Promise<void>;
  /** Sends `body` to each verified subscriber of `topic`, signed (override to sign wrongly). */
  distribute(topic: string, body: Buffer | string, opts?: { contentType?: string; method?: 'sha1' | 'sha256'; secret?: string; unsigned?: boolean }): Promise<CallbackResponse[]>;
  close(): Promise<void>;
}

export async function startFakeHub(deliver: Deliver): Promise<FakeHub> {
  const requests: HubRequest[] = [];
  const subscriptions: HubSubscription[] = [];
  const published: string[] = [];
  const verifying = new Set<Promise<void>>();
  let statuses = [202];
  let lease: number | undefined;

  async function verify(sub: HubSubscription): Promise<void> {
    const challenge = randomBytes(12).toString('hex');
    const url = new URL(sub.callback);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.topic', sub.topic);
    url.searchParams.set('hub.challenge', challenge);
    const granted = lease ?? sub.leaseSeconds;
    if (granted !== undefined) url.searchParams.set('hub.lease_seconds', String(granted));
    const res = await deliver({ method: 'GET', url: url.toString(), headers: {} });
    sub.verification = res;
    sub.verified = res.status >= 200 && res.status < 300 && res.body === challenge;
  }

  function subscribe(form: URLSearchParams): void {
    const topic = form.get('hub.topic') ?? '';
    const callback = form.get('hub.callback') ?? '';
    const leaseSeconds = form.has('hub.lease_seconds') ? Number(form.get('hub.lease_seconds')) : undefined;
    // A renewal replaces the subscription of the same callback and topic (§5.1).
    const existing = subscriptions.findIndex((s) => s.callback === callback && s.topic === topic);
    if (existing >= 0) subscriptions.splice(existing, 1);
    const sub: HubSubscription = { topic, callback, secret: form.get('hub.secret') ?? undefined, leaseSeconds, verified: false };
    subscriptions.push(sub);
    // Verified after the 202, as hubs do: the subscriber must be ready before it asks.
    const p = new Promise((r) => setTimeout(r, 5)).then(() => verify(sub)).finally(() => verifying.delete(p));
    verifying.add(p);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push({ form, at: Date.now() });
      const status = (statuses.length > 1 ? statuses.shift() : statuses[0]) ?? 202;
      res.writeHead(status).end();
      if (status >= 300) return;
      if (form.get('hub.mode') === 'subscribe') subscribe(form);
      if (form.get('hub.mode') === 'publish') published.push(...form.getAll('hub.url'), ...form.getAll('hub.topic'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    subscriptions,
    published,
    answer(...s) {
      statuses = s;
    },
    grantLease(seconds) {
      lease = seconds;
    },
    async settle() {
      while (verifying.size > 0) await Promise.all(verifying);
    },
    async distribute(topic, body, opts = {}) {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const out: CallbackResponse[] = [];
      for (const sub of subscriptions.filter((s) => s.topic === topic && s.verified)) {
        const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/rss+xml', link: `<${topic}>; rel="self"` };
        const secret = opts.secret ?? sub.secret;
        if (!opts.unsigned && secret !== undefined) headers['x-hub-signature'] = signBody(opts.method ?? 'sha256', bytes, secret);
        out.push(await deliver({ method: 'POST', url: sub.callback, headers, body: bytes }));
      }
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
