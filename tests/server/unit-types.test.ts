// The commune's own list of unit types: the defaults until the officer saves one; a unit
// picks a type in service from it; renaming or retiring a type never breaks the units that
// have it; a type cannot be removed; the report names units by the commune's own words.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultUnitTypes, type UnitType } from '../../src/domain/setup/unitTypes.ts';
import { startServer, type Json, type TestServer } from './harness.ts';

let server: TestServer;
let officer: string;

async function call(method: string, path: string, body?: unknown) {
  const response = await server.app.request(`/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${officer}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

beforeEach(async () => {
  server = await startServer();
  officer = (await server.device('canbo')).token;
});
afterEach(async () => {
  await server.close();
});

const withType = (changes: Partial<Record<string, Partial<UnitType>>>, extra: UnitType[] = []): UnitType[] => [
  ...defaultUnitTypes.map((t) => ({ ...t, ...changes[t.id] })),
  ...extra,
];

describe('the commune’s unit types', () => {
  it('starts from the default list', async () => {
    const answer = await call('GET', '/unit-types');
    expect(answer.status).toBe(200);
    expect(answer.body.types.map((t: UnitType) => t.name)).toEqual(['Thôn', 'Ấp', 'Bản', 'Buôn', 'Tổ dân phố', 'Khu phố']);
  });

  it('adds a type a unit can then take, and refuses a type not in the list or retired', async () => {
    const saved = await call('PUT', '/unit-types', { types: withType({ thon: { retired: true } }, [{ id: 'khom', name: 'Khóm', retired: false }]) });
    expect(saved.status).toBe(200);
    expect((await call('POST', '/units', { id: 'khom-1', name: 'Khóm 1', type: 'khom', households: 80 })).status).toBe(201);
    const unknown = await call('POST', '/units', { id: 'x-1', name: 'Đơn vị X', type: 'lang', households: 1 });
    expect(unknown).toMatchObject({ status: 400, body: { fields: [{ path: 'type', code: 'invalid_value' }] } });
    const retired = await call('PATCH', '/units/tdp-1', { type: 'thon' });
    expect(retired).toMatchObject({ status: 400, body: { fields: [{ path: 'type', code: 'retired' }] } });
    const units = (await call('GET', '/units')).body.units as { id: string; type: string }[];
    expect(units.find((u) => u.id === 'tdp-1')!.type).toBe('toDanPho');
    expect(units.find((u) => u.id === 'x-1')).toBeUndefined();
  });

  it('keeps the units of a renamed or retired type, and lets them keep it on other changes', async () => {
    expect((await call('PUT', '/unit-types', { types: withType({ toDanPho: { name: 'Tổ nhân dân', retired: true } }) })).status).toBe(200);
    const changed = await call('PATCH', '/units/tdp-2', { type: 'toDanPho', households: 77 });
    expect(changed.status).toBe(200);
    expect(changed.body.units.find((u: { id: string }) => u.id === 'tdp-2')).toMatchObject({ type: 'toDanPho', households: 77 });
    // The report names the units' type by the commune's new word.
    const response = await server.app.request('/api/v1/reports/yearly.docx?year=2026', { headers: { Authorization: `Bearer ${officer}` } });
    const xml = await (await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Số tổ nhân dân được tuyên truyền ít nhất 01 lần/năm');
  });

  it('refuses removing a type, a list with none in service, a duplicate or a bad name, and changes nothing', async () => {
    const before = (await call('GET', '/unit-types')).body;
    const removed = await call('PUT', '/unit-types', { types: defaultUnitTypes.filter((t) => t.id !== 'toDanPho') });
    expect(removed).toMatchObject({ status: 400, body: { fields: [{ path: 'types', code: 'removed' }] } });
    const none = await call('PUT', '/unit-types', { types: defaultUnitTypes.map((t) => ({ ...t, retired: true })) });
    expect(none.status).toBe(400);
    expect(none.body.fields.map((f: { path: string }) => f.path)).toEqual(['types']);
    const twice = await call('PUT', '/unit-types', { types: withType({}, [{ id: 'thon', name: 'Thôn', retired: false }]) });
    expect(twice.status).toBe(400);
    const badName = await call('PUT', '/unit-types', { types: withType({ ap: { name: '' } }) });
    expect(badName.body.fields.map((f: { path: string }) => f.path)).toEqual(['types.1.name']);
    const reserved = await call('PUT', '/unit-types', { types: withType({}, [{ id: 'commune', name: 'Xã', retired: false }]) });
    expect(reserved.body.fields.map((f: { path: string }) => f.path)).toEqual(['types.6.id']);
    expect((await call('GET', '/unit-types')).body).toEqual(before);
  });
});
