// Changes made by another process, for the serving processes of an embedded store.
// PostgreSQL nodes hear a NOTIFY (change-bus.ts); SQLite has no such channel, so a
// command that changes what readers see (ingest, an editor's command) writes a change
// note, and each serving process reads the notes after the last it saw, every second,
// dropping what each names from its caches. Its own changes reach it in-process as before.
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { addChangeNote, changeNotesAfter, lastChangeNoteId } from '../store/change-note-repository.ts';
import { encodeEvent, parsePayload, type ChangeEvent } from './change-bus.ts';

const BATCH = 100;

/** Writes one change for the serving processes to read. */
export async function noteChange(store: Store, event: ChangeEvent, at = new Date()): Promise<void> {
  await addChangeNote(store.db, encodeEvent(event), at);
}

export interface ChangeNoteWatcher {
  /** Reads the notes written since the last read now (the timer does this every interval). */
  poll(): Promise<void>;
  stop(): void;
}

/** Starts after the newest note there is: a process that starts now has nothing cached from before. */
export async function watchChangeNotes(deps: { store: Store; onChange: (event: ChangeEvent) => void; logger: Logger }, intervalMs = 1000): Promise<ChangeNoteWatcher> {
  let last = await lastChangeNoteId(deps.store.db);
  let running: Promise<void> | undefined;
  const read = async () => {
    for (;;) {
      const notes = await changeNotesAfter(deps.store.db, last, BATCH);
      for (const note of notes) {
        last = note.id;
        deps.onChange(parsePayload(note.event));
      }
      if (notes.length < BATCH) return;
    }
  };
  const poll = () =>
    (running ??= read()
      .catch((err: unknown) => deps.logger.error({ event: 'change_notes_failed', err }, 'change notes could not be read'))
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}
