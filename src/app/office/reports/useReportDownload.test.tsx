// @vitest-environment happy-dom
// The report download on the real server in-process: the officer's Word file is handed to
// the browser under its name; a village head's request, or one with no network, says failed
// and hands over nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { upsertOf, violenceCase } from '../../../../tests/fixtures/records.ts';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { useReportDownload } from './useReportDownload.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the report download', () => {
  it("hands the officer's file to the browser under its name", async () => {
    const officer = await signedIn(server, 'canbo');
    const saved: { file: Blob; name: string }[] = [];
    const view = await mountHook(() => useReportDownload(2026, (file, name) => saved.push({ file, name })), officer);
    await view.current().download('docx');
    expect(saved.map((s) => s.name)).toEqual(['bao-cao-binh-dang-gioi-2026.docx']);
    // A .docx is a zip: it starts with "PK".
    expect(new TextDecoder().decode((await saved[0]!.file.arrayBuffer()).slice(0, 2))).toBe('PK');
    expect(view.current()).toMatchObject({ failed: false, busy: null });
    await view.unmount();
  });

  it("hands over a quarter's report under the quarter's name", async () => {
    const officer = await signedIn(server, 'canbo');
    const saved: { file: Blob; name: string }[] = [];
    const view = await mountHook(() => useReportDownload(2026, (file, name) => saved.push({ file, name })), officer);
    await view.current().download('csv', 3);
    expect(saved.map((s) => s.name)).toEqual(['bao-cao-binh-dang-gioi-quy-3-2026.csv']);
    expect(await saved[0]!.file.text()).toContain('Quý III: số lượng hoặc tử số');
    expect(view.current()).toMatchObject({ failed: false, busy: null });
    await view.unmount();
  });

  it('writes the CSV with semicolons when asked, and hands over the case list, each case logged as read', async () => {
    const officer = await signedIn(server, 'canbo');
    const head = await server.device('tdp1');
    expect((await head.push([upsertOf(violenceCase(), 1)])).status).toBe(200);
    const saved: { file: Blob; name: string }[] = [];
    const view = await mountHook(() => useReportDownload(2026, (file, name) => saved.push({ file, name })), officer);
    view.current().setSemicolons(true);
    await until(() => view.current().semicolons, 'the semicolon choice');
    await view.current().download('csv');
    expect((await saved[0]!.file.text()).split('\r\n')[0]).toContain('Đơn vị;Chỉ tiêu;Kế hoạch;');
    const reads = async () => (await server.store.db.selectFrom('case_access').select('via').where('via', '=', 'export').execute()).length;
    const before = await reads();
    await view.current().downloadCases();
    expect(saved[1]!.name).toBe('danh-sach-vu-viec-MAT-2026.xlsx');
    expect(new TextDecoder().decode((await saved[1]!.file.arrayBuffer()).slice(0, 2))).toBe('PK');
    expect(await reads()).toBe(before + 1);
    expect(view.current()).toMatchObject({ failed: false, busy: null });
    await view.unmount();
  });

  it('says failed for a village head and with no network', async () => {
    const head = await signedIn(server, 'tdp1');
    for (const api of [head.api, offlineApi]) {
      const saved: string[] = [];
      const view = await mountHook(() => useReportDownload(2026, (_file, name) => saved.push(name)), { api });
      await view.current().download('csv');
      expect(view.current()).toMatchObject({ failed: true, busy: null });
      expect(saved).toEqual([]);
      await view.unmount();
    }
  });
});
