// A real `wiredesk serve` child process for multi-node tests: started with tsx on this
// Node, its pino lines parsed as they come, its address read off the `ready` line
// (`--port 0`, so the OS picks a free port and no two nodes can race for one).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface LogLine {
  readonly msg?: string;
  readonly event?: string;
  readonly source_id?: number;
  readonly [field: string]: unknown;
}

export interface ServeNode {
  readonly name: string;
  readonly pid: number;
  /** `http://127.0.0.1:PORT`, once ready. */
  readonly url: string;
  readonly logs: readonly LogLine[];
  /** The last lines of stderr and unparsed stdout, for failure messages. */
  tail(): string;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  kill(signal: NodeJS.Signals): void;
}

export interface ServeNodeOptions {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly readyTimeoutMs?: number;
}

export async function startServeNode(opts: ServeNodeOptions): Promise<ServeNode> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve', '--no-demo', '--port', '0'], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${opts.name}: could not start`);
  const logs: LogLine[] = [];
  const raw: string[] = [];
  let exitedFlag = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve({ code, signal });
    });
  });
  const keep = (line: string) => {
    raw.push(line);
    if (raw.length > 40) raw.shift();
  };
  let url = '';
  const ready = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let parsed: LogLine;
      try {
        parsed = JSON.parse(line) as LogLine;
      } catch {
        keep(line);
        return;
      }
      logs.push(parsed);
      if (parsed.event === 'ready' && typeof parsed.address === 'string') {
        url = parsed.address;
        resolve();
      }
    });
  });
  createInterface({ input: child.stderr! }).on('line', keep);

  const node: ServeNode = {
    name: opts.name,
    pid: child.pid,
    get url() {
      return url;
    },
    logs,
    tail: () => raw.join('\n'),
    exited,
    hasExited: () => exitedFlag,
    kill: (signal) => void child.kill(signal),
  };
  const timeoutMs = opts.readyTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    if (!exitedFlag) child.kill('SIGKILL');
    throw new Error(`${opts.name}: not ready (${outcome}):\n${node.tail()}`);
  }
  return node;
}

/** SIGKILLs every node still running and waits for each to be gone. */
export async function killAll(nodes: readonly ServeNode[]): Promise<void> {
  await Promise.all(
    nodes.map(async (n) => {
      if (!n.hasExited()) n.kill('SIGKILL');
      await n.exited;
    }),
  );
}
