// @vitest-environment happy-dom
// A record dated after today is refused on the phone, naming the field (a case's status dates
// too), by the server's clock when the last sync measured the phone's against it.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { violenceCase } from '../../../tests/fixtures/records.ts';
import { throwawayDbs } from '../../../tests/support/notebook-db.ts';
import { applyPulled, type NotebookDb } from '../../data/index.ts';
import { addDays, DAY_MS, dayInVietnam, type ProfileResponse } from '../../domain/index.ts';
import { StatusBox } from '../../sync/status.ts';
import { ServicesContext, type AppServices } from '../services.ts';
import { useRecordForm } from './useRecordForm.ts';

const freshDb = throwawayDbs();
const session = {
  user: { id: 'tdp1', username: 'tdp1', displayName: 'Tổ trưởng Tổ dân phố 1', role: 'villageHead', unitId: 'tdp-1', communeId: 'nam-gia-nghia' },
  units: [],
} as unknown as ProfileResponse;
type Form = ReturnType<typeof useRecordForm>;

async function mount(db: NotebookDb, props: { kind?: 'newsPost'; recordId?: string }, clockOffsetMs?: number) {
  const out: { form?: Form } = {};
  function Probe() {
    out.form = useRecordForm(props);
    return null;
  }
  const status = new StatusBox();
  status.update({ clockOffsetMs });
  const services = { db, session, engine: { status }, device: {}, phone: {}, signOut() {}, signInAgain() {} } as unknown as AppServices;
  const root = document.createElement('div');
  await act(() => {
    render(
      <ServicesContext.Provider value={services}>
        <Probe />
      </ServicesContext.Provider>,
      root,
    );
  });
  return { form: () => out.form!, unmount: () => act(() => render(null, root)) };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (condition()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function save(form: () => Form): Promise<string> {
  let outcome = '';
  await act(async () => void (outcome = await form().save()));
  return outcome;
}

const today = () => dayInVietnam(new Date());

describe('a record dated after today', () => {
  it('is refused, naming the date, and nothing is saved', async () => {
    const db = freshDb();
    const view = await mount(db, { kind: 'newsPost' });
    await act(() => {
      view.form().set('title', 'Tin về Tháng hành động');
      view.form().set('channel', 'loudspeaker');
      view.form().set('date', addDays(today(), 1));
    });
    expect(await save(view.form)).toBe('refused');
    expect([...view.form().errors]).toEqual([['date', 'afterToday']]);
    expect(await db.records.count()).toBe(0);
    await view.unmount();
  });

  it('refuses a case closed after today by its status date', async () => {
    const db = freshDb();
    const record = violenceCase({
      date: addDays(today(), -10),
      status: 'verified',
      statusDates: { received: addDays(today(), -10), verified: addDays(today(), -9) },
    });
    await applyPulled(db, [
      { id: record.id, kind: record.kind, unitId: record.unitId, rev: 1, serverSeq: 1, receivedAt: '2026-01-01T00:00:00.000Z', deleted: false, record },
    ]);
    const view = await mount(db, { recordId: record.id });
    await until(() => view.form().draft !== null, 'the case in the form');
    await act(() => {
      view.form().set('status', 'closed');
      view.form().set('statusDates.intervening', addDays(today(), -8));
      view.form().set('statusDates.closed', addDays(today(), 2));
    });
    expect(await save(view.form)).toBe('refused');
    expect([...view.form().errors]).toEqual([['statusDates.closed', 'afterToday']]);
    expect((await db.records.get(record.id))?.rev).toBe(1);
    await view.unmount();
  });

  it('goes by the server’s clock once a sync measured this phone three days behind', async () => {
    const db = freshDb();
    const view = await mount(db, { kind: 'newsPost' }, 3 * DAY_MS);
    await act(() => {
      view.form().set('title', 'Tin về Tháng hành động');
      view.form().set('channel', 'loudspeaker');
      view.form().set('date', addDays(today(), 2));
    });
    expect(await save(view.form)).toBe('saved');
    await view.unmount();
  });
});
