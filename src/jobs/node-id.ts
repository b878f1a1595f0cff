import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

const ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** This process's name in leases: host, pid and a random part (pids repeat across restarts). */
export function nodeId(): string {
  return ID;
}
