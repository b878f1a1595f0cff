// The transmission framing shared by ANPA-1312 and IPTC 7901: each message runs from SOH
// (start of heading) through STX (start of text) and ETX (end of text) to EOT (end of
// transmission); SYN characters may precede it. One file may carry several messages.

export const SOH = '\x01';
export const STX = '\x02';
export const ETX = '\x03';
export const EOT = '\x04';

/** One framed message: the heading before STX, the text, and what follows ETX. */
export interface FramedMessage {
  readonly heading: string;
  readonly text: string;
  readonly trailer: string;
  /** False when the message never reaches ETX: cut off in transmission. */
  readonly complete: boolean;
}

/** The messages of a document, in order; text before the first SOH is line noise. */
export function splitMessages(document: string): readonly FramedMessage[] {
  const messages: FramedMessage[] = [];
  let start = document.indexOf(SOH);
  while (start >= 0) {
    const next = document.indexOf(SOH, start + 1);
    const raw = document.slice(start + 1, next < 0 ? document.length : next);
    messages.push(frame(raw));
    start = next;
  }
  return messages;
}

function frame(raw: string): FramedMessage {
  const eot = raw.indexOf(EOT);
  const message = eot < 0 ? raw : raw.slice(0, eot);
  const stx = message.indexOf(STX);
  const etx = message.indexOf(ETX, stx < 0 ? 0 : stx);
  const heading = message.slice(0, stx < 0 ? (etx < 0 ? message.length : etx) : stx);
  const text = stx < 0 ? '' : message.slice(stx + 1, etx < 0 ? message.length : etx);
  return { heading, text, trailer: etx < 0 ? '' : message.slice(etx + 1), complete: etx >= 0 };
}

/** Lines of wire text: CR LF or LF, the other C0 controls (SYN, FF, DEL …) removed, tabs kept. */
export function wireLines(text: string): readonly string[] {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '').split(/\r?\n|\r/);
}
