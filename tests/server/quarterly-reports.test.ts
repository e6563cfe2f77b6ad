// The report settings of the commune's year (saved, audited, refused naming the fields) filled into
// the Word reports, and the quarterly report in its three files: the quarter's figures and the
// year to date, nothing after the quarter; unknown or bad query parameters answer 400 naming them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReportSettings, type ReportSettings } from '../../src/domain/plan/reportSettings.ts';
import { newsPost, upsertOf } from '../fixtures/records.ts';
import { startServer, type Json, type TestServer } from './harness.ts';
import { call } from './roles.ts';

let server: TestServer;
let officer: string;

const defaults = defaultReportSettings({ name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' });
const SETTINGS: ReportSettings = {
  ...defaults,
  planNumber: '125',
  planDate: '2026-01-15',
  reportNumbers: { year: '245', q1: '', q2: '', q3: '178', q4: '' },
  agencyLines: ['ĐẢNG BỘ VÀ CHÍNH QUYỀN', 'ỦY BAN NHÂN DÂN', 'PHƯỜNG NAM GIA NGHĨA'],
  signerLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signerName: 'Nguyễn Thị Hoa',
  recipients: ['Sở Nội vụ tỉnh Lâm Đồng (b/c)', 'Hội Liên hiệp Phụ nữ phường', 'Lưu: VT, VHXH'],
  direction: 'Ban hành Kế hoạch triển khai Tháng hành động vì bình đẳng giới.',
  causes: 'Một số tổ dân phố chưa bố trí được người phụ trách.\nKinh phí tuyên truyền còn hạn chế.',
  nextSteps: 'Tiếp tục tuyên truyền tại các tổ dân phố chưa được tiếp cận.',
  proposals: 'Đề nghị Sở Nội vụ tổ chức tập huấn cho cán bộ cơ sở.',
};

/** The text of a Word file: its paragraphs' runs joined, one line a paragraph. */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

async function file(path: string): Promise<{ status: number; bytes: Buffer; json: Json; name: string | null }> {
  const response = await server.app.request(`/api/v1${path}`, { headers: { Authorization: `Bearer ${officer}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const isJson = (response.headers.get('Content-Type') ?? '').includes('json');
  return { status: response.status, bytes, json: isJson ? JSON.parse(bytes.toString('utf8')) : undefined, name: response.headers.get('Content-Disposition') };
}

beforeAll(async () => {
  server = await startServer();
  server.setNow(new Date('2026-11-22T03:00:00Z'));
  const canbo = await server.device('canbo');
  officer = canbo.token;
  // News posts: 2 in Q2, 3 in Q3, 1 in Q4 (after the third quarter: not in its report).
  const dates = ['2026-04-10', '2026-05-10', '2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01'];
  const pushed = await canbo.push(dates.map((date, i) => upsertOf(newsPost({ date }), i + 1)));
  expect(pushed.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

describe('the report settings of a year', () => {
  it('are the defaults until saved, then what the officer saved, the save audited with the fields it changed', async () => {
    const before = await call(server, 'GET', '/api/v1/reports/settings/2026', officer);
    expect(before.status).toBe(200);
    expect(before.json).toEqual({ settings: defaults, saved: false });

    const saved = await call(server, 'PUT', '/api/v1/reports/settings/2026', officer, SETTINGS);
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ settings: SETTINGS, saved: true });
    expect((await call(server, 'GET', '/api/v1/reports/settings/2026', officer)).json).toEqual({ settings: SETTINGS, saved: true });
    // Another year keeps its own.
    expect((await call(server, 'GET', '/api/v1/reports/settings/2027', officer)).json).toMatchObject({ saved: false });

    const trail = await call(server, 'GET', '/api/v1/audit?limit=100', officer);
    const event = (trail.json.entries as Json[]).find((e) => e.action === 'report.settings');
    expect(event).toMatchObject({
      target: '2026',
      userId: 'canbo',
      fields: ['agencyLines', 'causes', 'direction', 'nextSteps', 'planDate', 'planNumber', 'proposals', 'recipients', 'reportNumbers', 'signerName'],
    });
  });

  it('refuses bad settings naming each field, and keeps what was saved', async () => {
    const bad = {
      ...SETTINGS,
      planNumber: '12/KH',
      planDate: '15/01/2026',
      signerName: 'x'.repeat(61),
      recipients: Array.from({ length: 13 }, (_, i) => `Nơi ${i}`),
      agencyLines: ['  '],
      causes: 'x'.repeat(4001),
      extra: 1,
    };
    const refused = await call(server, 'PUT', '/api/v1/reports/settings/2026', officer, bad);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('invalid_body');
    expect((refused.json.fields as Json[]).map((f) => f.path).sort()).toEqual(
      ['agencyLines.0', 'causes', 'extra', 'planDate', 'planNumber', 'recipients', 'signerName'].sort(),
    );
    expect((await call(server, 'PUT', '/api/v1/reports/settings/20x6', officer, SETTINGS)).status).toBe(400);
    expect((await call(server, 'GET', '/api/v1/reports/settings/2026', officer)).json).toEqual({ settings: SETTINGS, saved: true });
  });
});

describe('the Word reports with the settings', () => {
  it('the yearly report carries the plan, its number, the heading, the signer, the recipients and the officer’s words', async () => {
    const yearly = await file('/reports/yearly.docx?year=2026');
    expect(yearly.status).toBe(200);
    const text = await docxText(yearly.bytes);
    for (const line of [
      'ĐẢNG BỘ VÀ CHÍNH QUYỀN',
      'Số: 245/BC-UBND',
      'Thực hiện Kế hoạch số 125/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân phường Nam Gia Nghĩa',
      'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI',
      'Ban hành Kế hoạch triển khai Tháng hành động vì bình đẳng giới.',
      'III. HẠN CHẾ, NGUYÊN NHÂN',
      'Một số tổ dân phố chưa bố trí được người phụ trách.',
      'Kinh phí tuyên truyền còn hạn chế.',
      'IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ',
      '1. Phương hướng',
      'Tiếp tục tuyên truyền tại các tổ dân phố chưa được tiếp cận.',
      '2. Kiến nghị, đề xuất',
      'Đề nghị Sở Nội vụ tổ chức tập huấn cho cán bộ cơ sở.',
      '- Hội Liên hiệp Phụ nữ phường;',
      '- Lưu: VT, VHXH.',
      'Nguyễn Thị Hoa',
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).not.toContain('[');
  });

  it('the quarter’s report has its own number and title, the quarter beside the year to date', async () => {
    const quarterly = await file('/reports/quarterly.docx?year=2026&quarter=3');
    expect(quarterly.status).toBe(200);
    expect(quarterly.name).toBe('attachment; filename="bao-cao-binh-dang-gioi-quy-3-2026.docx"');
    const lines = (await docxText(quarterly.bytes)).split('\n');
    for (const line of [
      'Số: 178/BC-UBND',
      'Kết quả thực hiện công tác bình đẳng giới quý III năm 2026',
      'Kết quả quý III',
      'Lũy kế năm',
      'Nguyễn Thị Hoa',
      'Trên đây là báo cáo kết quả thực hiện công tác bình đẳng giới quý III năm 2026 trên địa bàn phường Nam Gia Nghĩa./.',
    ]) {
      expect(lines, line).toContain(line);
    }
    // The ward's news posts: 3 in the quarter; 5 in the year to 30/09 (the one of 01/10 is the next quarter's).
    expect(lines.join('\n')).toContain('Đăng tải 3 tin, bài về bình đẳng giới (Quý III: 3)');
    expect(lines).toContain('5 (Quý I: 0; Quý II: 2; Quý III: 3)');
    // The second quarter's number was not given: no blank number is printed.
    const second = (await docxText((await file('/reports/quarterly.docx?year=2026&quarter=2')).bytes)).split('\n');
    expect(second.some((line) => line.includes('/BC-UBND'))).toBe(false);
  });
});

describe('the quarterly Excel and CSV', () => {
  it('the CSV has the quarter and the year to date, each figure in its own column', async () => {
    const csv = await file('/reports/quarterly.csv?year=2026&quarter=3&delimiter=semicolon');
    expect(csv.status).toBe(200);
    expect(csv.name).toBe('attachment; filename="bao-cao-binh-dang-gioi-quy-3-2026.csv"');
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    const periods = ['Quý III', 'Lũy kế năm'].flatMap((p) => [`${p}: số lượng hoặc tử số`, `${p}: mẫu số`, `${p}: tỷ lệ (%)`]);
    expect(lines[0]).toBe(['Đơn vị', 'Chỉ tiêu', 'Kế hoạch', ...periods, 'Đánh giá quý III'].join(';'));
    expect(lines[1]).toBe(
      'Toàn phường;Tin, bài tuyên truyền về bình đẳng giới được đăng tải mỗi quý;"Ít nhất 04/quý; tỉnh giao: Ít nhất 04/quý";3;;;5;;;Chưa đạt',
    );
  });

  it('the workbook lists the quarter’s records only', async () => {
    const xlsx = await file('/reports/quarterly.xlsx?year=2026&quarter=3');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    expect(rows('Chỉ tiêu')[0]).toEqual(['Đơn vị', 'Chỉ tiêu', 'Kế hoạch', 'Quý III', 'Lũy kế năm', 'Đánh giá quý III']);
    expect(
      rows('Tin, bài')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['01/07/2026', '15/08/2026', '30/09/2026']);
  });
});

describe('query parameters', () => {
  it.each([
    ['/reports/yearly.csv?year=2026&quarter=3', ['quarter']],
    ['/reports/yearly.docx?year=2026&delimiter=semicolon', ['delimiter']],
    ['/reports/yearly.xlsx?year=2026&foo=1', ['foo']],
    ['/reports/quarterly.docx?year=2026', ['quarter']],
    ['/reports/quarterly.xlsx?year=2026&quarter=5', ['quarter']],
    ['/reports/quarterly.csv?year=2026&quarter=3&delimiter=tab', ['delimiter']],
    ['/reports/quarterly.csv?year=26&quarter=0', ['quarter', 'year']],
    ['/reports/cases.xlsx?year=2026&quarter=1', ['quarter']],
  ])('%s answers 400 naming %j', async (path, fields) => {
    const answer = await file(path);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('invalid_query');
    expect((answer.json.fields as Json[]).map((f) => f.path).sort()).toEqual(fields);
  });
});
