// @vitest-environment happy-dom
// The report settings hook on the real server in-process: the defaults until saved, a save
// stored on the server, settings that break the schema refused naming the field before any call,
// no connection said as offline; a village head gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReportSettings, missingReportSettings, reportSettingsResponse } from '../../../domain/plan/reportSettings.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { useReportSettings } from './useReportSettings.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the report settings hook', () => {
  it('shows the defaults, saves to the server, and names a field the schema refuses', async () => {
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(() => useReportSettings(2026), officer);
    await until(() => view.current().settings !== undefined, 'the settings');
    const defaults = view.current().settings!;
    expect(view.current().saved).toBe(false);
    expect(defaults.agencyLines).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG NAM GIA NGHĨA']);
    expect(missingReportSettings(defaults, 3)).toEqual([
      'planNumber',
      'planDate',
      'reportNumber',
      'signerName',
      'direction',
      'causes',
      'nextSteps',
      'proposals',
    ]);

    const changed = { ...defaults, signerName: 'Nguyễn Thị Hoa', reportNumbers: { ...defaults.reportNumbers, q3: '178' } };
    expect(await view.current().save(changed)).toEqual({ ok: true });
    expect(view.current()).toMatchObject({ saved: true, settings: { signerName: 'Nguyễn Thị Hoa' } });
    expect(missingReportSettings(view.current().settings!, 3)).not.toContain('reportNumber');
    const onServer = await officer.api.get('/reports/settings/2026', reportSettingsResponse);
    expect(onServer).toMatchObject({ ok: true, value: { saved: true, settings: { signerName: 'Nguyễn Thị Hoa' } } });

    expect(await view.current().save({ ...changed, planNumber: 'số 12' })).toEqual({ ok: false, fields: ['planNumber'] });
    await view.unmount();
  });

  it('says offline with no connection, and a village head gets no settings', async () => {
    const offline = await mountHook(() => useReportSettings(2026), { api: offlineApi });
    await until(() => offline.current().offline, 'offline');
    expect(offline.current().settings).toBeUndefined();
    await offline.unmount();

    const head = await signedIn(server, 'tdp1');
    const view = await mountHook(() => useReportSettings(2026), head);
    const refused = await head.api.get('/reports/settings/2026', reportSettingsResponse);
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(view.current().settings).toBeUndefined();
    const settings = defaultReportSettings({ name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' });
    expect(await view.current().save(settings)).toEqual({ ok: false, failed: true });
    await view.unmount();
  });
});
