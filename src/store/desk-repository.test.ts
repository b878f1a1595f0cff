import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { addEditor, closeSession, EditorExistsError, findEditorByToken, findSessionEditor, listEditors, openSession, pruneSessions, removeEditor } from './desk-repository.ts';

const T0 = new Date('2026-11-29T10:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(testEngines())('desk repository on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('signs an editor in by name and token, and by nothing else; keeps only hashes', async () => {
    const token = await addEditor(t.store.db, 'Asha', T0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await findEditorByToken(t.store.db, 'Asha', token)).toMatchObject({ name: 'Asha' });
    expect(await findEditorByToken(t.store.db, 'Asha', `${token}x`)).toBeUndefined();
    expect(await findEditorByToken(t.store.db, 'Ravi', token)).toBeUndefined();
    expect(await findEditorByToken(t.store.db, 'Asha', '')).toBeUndefined();
    const stored = await t.store.db.selectFrom('editors').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    await expect(addEditor(t.store.db, 'Asha', T0)).rejects.toBeInstanceOf(EditorExistsError);
    expect((await listEditors(t.store.db)).map((e) => e.name)).toEqual(['Asha']);
  });

  it('keeps a session until it expires or is closed, and removing the editor ends every session', async () => {
    const token = await addEditor(t.store.db, 'Asha', T0);
    const editor = await findEditorByToken(t.store.db, 'Asha', token);
    if (!editor) throw new Error('no editor');
    const first = await openSession(t.store.db, editor.id, T0, later(60));
    const second = await openSession(t.store.db, editor.id, T0, later(60));
    expect(first).not.toBe(second);
    expect(await findSessionEditor(t.store.db, first, later(59))).toEqual(editor);
    expect(await findSessionEditor(t.store.db, first, later(60))).toBeUndefined();
    expect(await findSessionEditor(t.store.db, 'made-up', later(1))).toBeUndefined();
    await closeSession(t.store.db, first);
    expect(await findSessionEditor(t.store.db, first, later(1))).toBeUndefined();
    expect(await findSessionEditor(t.store.db, second, later(1))).toEqual(editor);
    expect(JSON.stringify(await t.store.db.selectFrom('desk_sessions').selectAll().execute())).not.toContain(second);
    expect(await removeEditor(t.store.db, 'Asha')).toBe(true);
    expect(await findSessionEditor(t.store.db, second, later(1))).toBeUndefined();
    expect(await removeEditor(t.store.db, 'Asha')).toBe(false);
  });

  it('prunes expired sessions only', async () => {
    const token = await addEditor(t.store.db, 'Asha', T0);
    const editor = await findEditorByToken(t.store.db, 'Asha', token);
    if (!editor) throw new Error('no editor');
    await openSession(t.store.db, editor.id, T0, later(10));
    const live = await openSession(t.store.db, editor.id, T0, later(120));
    expect(await pruneSessions(t.store.db, later(30))).toBe(1);
    expect(await findSessionEditor(t.store.db, live, later(30))).toEqual(editor);
  });
});
