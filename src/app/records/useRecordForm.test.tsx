// @vitest-environment happy-dom
// The record form's state on the real data layer (fake-indexeddb) in a DOM: a change that
// reaches the phone while the form is open is shown and merged by field on save; a form with
// nothing typed shows the new version; a new form offers another form's unfinished draft and
// takes it only when asked; draft writes wait for the typing to stop and come in order.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { newsPost } from '../../../tests/fixtures/records.ts';
import { throwawayDbs } from '../../../tests/support/notebook-db.ts';
import { applyPulled, keepDraft, type NotebookDb } from '../../data/index.ts';
import type { ProfileResponse } from '../../domain/index.ts';
import { ServicesContext, type AppServices } from '../services.ts';
import { StatusBox } from '../../sync/status.ts';
import { useRecordForm } from './useRecordForm.ts';

const freshDb = throwawayDbs();
const session = {
  user: { id: 'tdp1', username: 'tdp1', displayName: 'Tổ trưởng Tổ dân phố 1', role: 'villageHead', unitId: 'tdp-1', communeId: 'nam-gia-nghia' },
  units: [],
} as unknown as ProfileResponse;

type Form = ReturnType<typeof useRecordForm>;

function Probe(props: { kind?: 'newsPost'; recordId?: string; out: { form?: Form } }) {
  props.out.form = useRecordForm({ kind: props.kind, recordId: props.recordId });
  return null;
}

async function mount(db: NotebookDb, props: { kind?: 'newsPost'; recordId?: string }) {
  const out: { form?: Form } = {};
  const root = document.createElement('div');
  const services = { db, session, engine: { status: new StatusBox() }, device: {}, phone: {}, signOut() {}, signInAgain() {} } as unknown as AppServices;
  await act(() => {
    render(
      <ServicesContext.Provider value={services}>
        <Probe {...props} out={out} />
      </ServicesContext.Provider>,
      root,
    );
  });
  return {
    form: () => out.form!,
    unmount: () => act(() => render(null, root)),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (condition()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const pulled = (record: ReturnType<typeof newsPost>, rev: number) => ({
  id: record.id,
  kind: record.kind,
  unitId: record.unitId,
  rev,
  serverSeq: rev,
  receivedAt: '2026-02-03T01:00:00.000Z',
  deleted: false,
  record,
});

describe('the record form', () => {
  it('shows a change that reached the phone while she typed, and merges it by field on save', async () => {
    const db = freshDb();
    const post = newsPost({ channel: 'loudspeaker', title: 'Tin ban đầu', link: undefined });
    await applyPulled(db, [pulled(post, 1)]);
    const view = await mount(db, { recordId: post.id });
    await until(() => view.form().draft?.title === 'Tin ban đầu', 'the record in the form');
    await act(() => view.form().set('title', 'Tin đã sửa'));
    await applyPulled(db, [pulled({ ...post, channel: 'pressRadio' }, 2)]);
    await until(() => view.form().changedUnder !== null, 'the change under the form');
    expect(view.form().changedUnder).toMatchObject({
      fields: ['channel'],
      merging: true,
      before: { channel: 'loudspeaker' },
      after: { channel: 'pressRadio' },
    });
    // The form keeps what she typed, and her draft the channel she saw.
    expect(view.form().draft).toMatchObject({ title: 'Tin đã sửa', channel: 'loudspeaker' });
    let outcome = '';
    await act(async () => void (outcome = await view.form().save()));
    expect(outcome).toBe('saved');
    expect((await db.records.get(post.id))?.body).toMatchObject({ title: 'Tin đã sửa', channel: 'pressRadio' });
    await view.unmount();
  });

  it('with nothing typed, shows the new version and says what changed', async () => {
    const db = freshDb();
    const post = newsPost({ channel: 'loudspeaker' });
    await applyPulled(db, [pulled(post, 1)]);
    const view = await mount(db, { recordId: post.id });
    await until(() => view.form().draft?.channel === 'loudspeaker', 'the record in the form');
    await applyPulled(db, [pulled({ ...post, channel: 'socialMedia' }, 2)]);
    await until(() => view.form().draft?.channel === 'socialMedia', 'the new version in the form');
    expect(view.form().changedUnder).toMatchObject({ fields: ['channel'], merging: false });
    await view.unmount();
  });

  it('offers another form’s unfinished draft to a new form, and takes it only when asked', async () => {
    const db = freshDb();
    const left = newsPost({ title: 'Dở dang' });
    await keepDraft(db, 'form:earlier', left, { target: 'new:newsPost', base: { rev: 0 } });
    const view = await mount(db, { kind: 'newsPost' });
    await until(() => view.form().offersChecked, 'the search for unfinished drafts');
    expect(view.form().draft?.title).toBe('');
    expect(view.form().draft?.id).not.toBe(left.id);
    expect(view.form().offered?.key).toBe('form:earlier');
    await act(() => view.form().reopenOffered());
    expect(view.form()).toMatchObject({ restored: true, storageKey: 'form:earlier', draft: { id: left.id, title: 'Dở dang' } });
    await act(async () => void (await view.form().save()));
    expect(await db.drafts.count()).toBe(0);
    expect((await db.records.get(left.id))?.body).toMatchObject({ title: 'Dở dang' });
    await view.unmount();
  });

  it('writes the draft once the typing stops, in order, and keeps the last keystroke when the form closes', async () => {
    const db = freshDb();
    const view = await mount(db, { kind: 'newsPost' });
    for (const title of ['T', 'Ti', 'Tin']) await act(() => view.form().set('title', title));
    await until(() => view.form().draft?.title === 'Tin', 'the typing');
    const key = view.form().storageKey;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await db.drafts.toArray()).map((row) => [row.key, row.draft.title])).toEqual([[key, 'Tin']]);
    await act(() => view.form().set('title', 'Tin mới'));
    await view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.drafts.get(key))?.draft.title).toBe('Tin mới');
  });
});
