// Test helper: a local HTTP server standing in for Varnish, Fastly, Cloudflare or a
// webhook. Listens on 127.0.0.1 only; records every request; answers from a script.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body?: string;
}

export interface FakePurgeServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers in order; the last one repeats. Default: 200 with `{"success":true}`. */
  answer(...answers: FakeAnswer[]): void;
  close(): Promise<void>;
}

export async function startFakePurgeServer(): Promise<FakePurgeServer> {
  const requests: RecordedRequest[] = [];
  let script: FakeAnswer[] = [{ status: 200, body: '{"success":true}' }];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.length > 1 ? script.shift() : script[0];
      res.writeHead(next?.status ?? 200, { 'content-type': 'application/json' }).end(next?.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(...answers) {
      script = answers;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening: connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
