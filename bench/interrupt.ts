// Ctrl-C during a benchmark: `finally` blocks do not run on a signal, and varnishd (its
// own process group) and throw-away PostgreSQL databases would outlive the run. Cleanups
// registered here run, newest first, on SIGINT or SIGTERM before the process exits.
// (The event loop must be free for this: bench/article.ts runs wrk asynchronously.)
type Cleanup = () => unknown;

const cleanups = new Set<Cleanup>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  // Dropping a database cuts the connections of whatever was still using it; those errors
  // are expected now and must not end the process before the cleanups have run.
  process.on('uncaughtException', () => undefined);
  process.on('unhandledRejection', () => undefined);
  const list = [...cleanups].reverse();
  cleanups.clear();
  void (async () => {
    for (const cleanup of list) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`cleanup after ${signal} failed: ${String(err)}`);
      }
    }
  })().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

/** Registers `cleanup` until the returned function is called (in the `finally` that does the same work). */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (!installed) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    installed = true;
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
