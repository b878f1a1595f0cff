// IPTC 7901 transmissions (one or more framed messages) -> ParsedFeed, one item per message.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { splitMessages } from '../anpa/wire-framing.ts';
import { collectItems } from '../feed-items.ts';
import { adaptIptc7901Message } from './iptc7901-adapter.ts';
import { readIptc7901Message } from './iptc7901-wire.ts';

export function parseIptc7901(text: string): ParseOutcome {
  const messages = splitMessages(text);
  if (messages.length === 0) return { kind: 'failed', error: 'parse/iptc7901: no message (no SOH)' };
  // A last message that never reaches ETX is a cut-off file; the next transfer brings it whole.
  if (!messages[messages.length - 1]!.complete) {
    return { kind: 'failed', error: `parse/iptc7901: truncated (message ${messages.length} has no ETX)` };
  }
  const { items, rejected } = collectItems(messages.map(readIptc7901Message), adaptIptc7901Message);
  return { kind: 'ok', feed: { format: 'iptc7901', items, rejected } };
}
