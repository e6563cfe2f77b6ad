// @vitest-environment happy-dom
// The units hook on the real data layer and the real server in-process: the profile's units
// until the server's list arrives, a unit added and listed, the same code again refused as
// taken, a bad unit refused naming its fields, a new unit type kept; offline the profile's
// units and the default types, and a change fails.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultUnitTypes } from '../../../domain/setup/unitTypes.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { throwawayDbs } from '../../../../tests/support/notebook-db.ts';
import { useUnits } from './useUnits.ts';

const freshDb = throwawayDbs();

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the units hook', () => {
  it('adds a unit and a unit type through the server, and keeps what it answered', async () => {
    const db = freshDb();
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(useUnits, { db, ...officer });
    expect(view.current().units.map((u) => u.id)).toEqual(officer.session.units.map((u) => u.id));

    const unit = { id: 'tdp-99', name: 'Tổ dân phố 99', type: 'toDanPho', households: 40 };
    expect(await view.current().add(unit)).toEqual({ ok: true });
    await until(() => view.current().units.some((u) => u.name === 'Tổ dân phố 99'), 'the new unit');
    expect(view.current().entries.find((u) => u.name === 'Tổ dân phố 99')).toMatchObject({ communeId: 'nam-gia-nghia', households: 40, retired: false });
    expect(await view.current().add(unit)).toEqual({ ok: false, code: 'unit_exists', fields: ['id'] });
    const refused = await view.current().add({ ...unit, id: 'tdp-98', name: '' });
    expect(refused.ok === false && 'fields' in refused && refused.fields).toContain('name');

    const types = [...view.current().types, { id: 'lang', name: 'Làng', retired: false }];
    expect(await view.current().saveTypes(types)).toEqual({ ok: true });
    await until(() => view.current().types.some((t) => t.id === 'lang'), 'the new type');
    await view.unmount();
  });

  it('offline: the profile units and the default types, and a change fails', async () => {
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(useUnits, { db: freshDb(), session: officer.session, api: offlineApi });
    expect(view.current().units.map((u) => u.id)).toEqual(officer.session.units.map((u) => u.id));
    expect(view.current().types).toEqual([...defaultUnitTypes]);
    expect(await view.current().retire(officer.session.units[1]!.id)).toEqual({ ok: false, failed: true });
    await view.unmount();
  });
});
