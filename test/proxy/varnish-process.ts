// A real varnishd for the proxy test: deploy/varnish/wiredesk.vcl with its backends
// pointed at a loopback port, its own work directory, killed with its process group.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VCL_PATH = new URL('../../deploy/varnish/wiredesk.vcl', import.meta.url).pathname;

/** Why varnishd cannot run here (with how to fix it), or undefined when it can. */
export function varnishUnavailable(): string | undefined {
  try {
    execFileSync('varnishd', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'varnishd not found (run scripts/ensure-varnish.sh, or apt-get install varnish varnish-modules)';
  }
  // Debian keeps vmods in the multiarch library directory.
  const libDirs = ['/usr/lib', ...readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu')).map((d) => `/usr/lib/${d}`)];
  const xkey = libDirs.some((d) => existsSync(`${d}/varnish/vmods/libvmod_xkey.so`));
  return xkey ? undefined : 'vmod xkey not found (apt-get install varnish-modules)';
}

/** The production VCL with every backend's host and port replaced; fails if there were none. */
export function vclForBackend(port: number): string {
  const vcl = readFileSync(VCL_PATH, 'utf8');
  let count = 0;
  const out = vcl.replace(/\.host = "[^"]*";(\s*)\.port = "[^"]*";/g, (_m, gap: string) => {
    count++;
    return `.host = "127.0.0.1";${gap}.port = "${port}";`;
  });
  if (count === 0) throw new Error(`no backend host/port found in ${VCL_PATH}`);
  return out;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export interface VarnishProcess {
  readonly url: string;
  /** `varnishadm backend.list` output: which backends are healthy or sick. */
  backendList(): string;
  stop(): Promise<void>;
}

export async function startVarnish(backendPort: number): Promise<VarnishProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-varnish-'));
  const vclFile = join(dir, 'wiredesk.vcl');
  writeFileSync(vclFile, vclForBackend(backendPort));
  const port = await freePort();
  const workdir = join(dir, 'work');
  // As root, varnishd would switch to its `varnish`/`vcache` users ("unix" jail), who
  // cannot enter our private temp directory: run unjailed instead. As anyone else it
  // runs as that user anyway.
  const jail = process.getuid?.() === 0 ? ['-j', 'none'] : [];
  const args = ['-F', ...jail, '-a', `127.0.0.1:${port}`, '-T', '127.0.0.1:0', '-f', vclFile, '-n', workdir, '-s', 'malloc,64m'];
  const child: ChildProcess = spawn('varnishd', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // The manager and its cache child share the process group we started.
      process.kill(-child.pid, 'SIGTERM');
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 3_000))]);
      if (!killed) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Ready when it answers HTTP (the VCL compiles first, which takes a second or two).
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`varnishd did not answer on ${url}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    backendList: () => execFileSync('varnishadm', ['-n', workdir, 'backend.list'], { encoding: 'utf8' }),
    stop,
  };
}
