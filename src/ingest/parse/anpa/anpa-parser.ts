// ANPA-1312 transmissions (one or more framed takes) -> ParsedFeed, one item per take.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { collectItems } from '../feed-items.ts';
import { adaptAnpaTake } from './anpa-adapter.ts';
import { readAnpaTake } from './anpa-wire.ts';
import { splitMessages } from './wire-framing.ts';

export function parseAnpa(text: string): ParseOutcome {
  const messages = splitMessages(text);
  if (messages.length === 0) return { kind: 'failed', error: 'parse/anpa: no take (no SOH)' };
  // A last take that never reaches ETX is a cut-off file; the next transfer brings it whole.
  if (!messages[messages.length - 1]!.complete) {
    return { kind: 'failed', error: `parse/anpa: truncated (take ${messages.length} has no ETX)` };
  }
  const { items, rejected } = collectItems(messages.map(readAnpaTake), adaptAnpaTake);
  return { kind: 'ok', feed: { format: 'anpa', items, rejected } };
}
