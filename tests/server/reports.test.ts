// The yearly report, downloaded by the officer after village heads pushed records through the
// real API; each file is read back (docx unzipped, xlsx opened with exceljs, CSV as bytes).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complaint,
  contactPoint,
  deleteOf,
  inspection,
  newsPost,
  preventionModel,
  propagandaSession,
  training,
  upsertOf,
  violenceCase,
} from '../fixtures/records.ts';
import { startServer, type TestServer } from './harness.ts';

const SECRET_NOTE = 'GHI-CHU-NHAY-CAM vợ bị đánh tại nhà số 12';
let server: TestServer;
let officerToken: string;
let headToken: string;

async function download(format: string, token?: string, query = 'year=2026') {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await server.app.request(`/api/v1/reports/yearly.${format}?${query}`, { headers });
  return { status: response.status, type: response.headers.get('Content-Type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startServer();
  // Every record is dated before today (the last one 14/10/2026).
  server.setNow(new Date('2026-11-22T03:00:00Z'));
  const tdp1 = await server.device('tdp1');
  const tdp2 = await server.device('tdp2');
  const officer = await server.device('canbo');
  officerToken = officer.token;
  headToken = tdp1.token;
  const gone = propagandaSession({ date: '2026-04-01', menCount: 100, womenCount: 100, householdsReached: 100 });
  const pushed = [
    await tdp1.push([
      upsertOf(propagandaSession(), 1), // 12/3: 18 men, 27 women, 41 households
      upsertOf(propagandaSession({ date: '2026-05-20', form: 'conference', menCount: 10, womenCount: 12, householdsReached: 20 }), 2),
      upsertOf(gone, 3),
    ]),
    await tdp1.push([deleteOf(gone.id, 'propagandaSession', 4, 1)]),
    // A contact point since 2025, still serving; a model in Tổ dân phố 2 that stopped on 1/7.
    await tdp1.push([upsertOf(contactPoint(), 5)]),
    await tdp2.push([upsertOf(preventionModel({ unitId: 'tdp-2', reporterId: 'tdp2', stoppedOn: '2026-07-01' }), 2)]),
    await tdp2.push([
      upsertOf(
        violenceCase({
          unitId: 'tdp-2',
          reporterId: 'tdp2',
          caseCode: 'TDP2-2026-01',
          status: 'intervening',
          statusDates: { received: '2026-05-04', verified: '2026-05-05', intervening: '2026-05-06' },
          notes: SECRET_NOTE,
        }),
        1,
      ),
    ]),
    await officer.push(['2026-01-10', '2026-02-10', '2026-03-10', '2026-03-20', '2026-04-15'].map((date, i) => upsertOf(newsPost({ date }), i + 1))),
    // The ward's own checklist: an inspection, a training of 3 men and 4 women, a complaint handled.
    await officer.push([upsertOf(inspection(), 6), upsertOf(training(), 7), upsertOf(complaint(), 8)]),
  ];
  for (const push of pushed) {
    expect(push.status).toBe(200);
    for (const result of push.body.results) expect(result.status).toBe('applied');
  }
  // Reviews: Tổ dân phố 1's year accepted; Q1 and Q3 of Tổ dân phố 2 (its case is in Q2).
  const review = async (token: string, path: string, body: unknown) => {
    const response = await server.app.request(`/api/v1/reviews/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  };
  await review(tdp1.token, 'submit', { period: '2026' });
  await review(officer.token, 'decide', { unitId: 'tdp-1', period: '2026', action: 'accept' });
  for (const period of ['2026-Q1', '2026-Q3']) {
    await review(tdp2.token, 'submit', { period });
    await review(officer.token, 'decide', { unitId: 'tdp-2', period, action: 'accept' });
  }
  // Tổ dân phố 3's second quarter sent back; Tổ dân phố 4's year waiting.
  const tdp3 = await server.device('tdp3');
  const tdp4 = await server.device('tdp4');
  await review(tdp3.token, 'submit', { period: '2026-Q2' });
  await review(officer.token, 'decide', { unitId: 'tdp-3', period: '2026-Q2', action: 'return', comment: 'Thiếu số hộ' });
  await review(tdp4.token, 'submit', { period: '2026' });
});

afterAll(async () => {
  await server?.close();
});

describe('who may download the yearly report', () => {
  it('refuses without a token (401) and a village head (403), and names a bad year (400)', async () => {
    expect((await download('docx')).status).toBe(401);
    const forbidden = await server.app.request('/api/v1/reports/yearly.docx?year=2026', { headers: { Authorization: `Bearer ${headToken}` } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden' });
    const bad = await server.app.request('/api/v1/reports/yearly.csv?year=20x6', { headers: { Authorization: `Bearer ${officerToken}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_query', fields: [{ path: 'year' }] });
  });
});

describe('the Word report', () => {
  let xml: string;
  beforeAll(async () => {
    const file = await download('docx', officerToken);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    if (process.env.SAVE_REPORTS_TO) writeFileSync(`${process.env.SAVE_REPORTS_TO}/report.docx`, file.bytes);
    xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
  });

  it('is A4 in Times New Roman, justified, with the national heading block and the title', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:jc w:val="both"/>');
    for (const text of [
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG NAM GIA NGHĨA',
      'Số:        /BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Nam Gia Nghĩa, ngày 22 tháng 11 năm 2026',
      'BÁO CÁO',
      'Kết quả thực hiện công tác bình đẳng giới năm 2026',
      'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI',
      'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'III. HẠN CHẾ, NGUYÊN NHÂN',
      'IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ',
      'Nơi nhận:',
      '- Sở Nội vụ tỉnh Lâm Đồng (b/c);',
      '[Cán bộ bổ sung',
    ]) {
      expect(xml, text).toContain(text);
    }
  });

  it('fills the propaganda, news and case figures from the records, the deleted one left out', () => {
    expect(xml).toContain('tổ chức 2 buổi tuyên truyền, trong đó 1 hội nghị và 0 buổi sinh hoạt chuyên đề');
    expect(xml).toContain('thu hút 67 lượt người tham dự (39 lượt nữ, 28 lượt nam); tiếp cận 61 lượt hộ gia đình; 1/5 tổ dân phố');
    expect(xml).toContain('Đăng tải 5 tin, bài về bình đẳng giới (Quý I: 4; Quý II: 1; Quý III: 0; Quý IV: 0)');
    expect(xml).toContain('Phát hiện, tiếp nhận 1 vụ việc');
    expect(xml).toContain('Số vụ được xử lý, can thiệp kịp thời: 1/1 (100%)');
    // The indicators table: news fell short in Q2, so the year is not met.
    expect(xml).toContain('5 (Quý I: 4; Quý II: 1; Quý III: 0; Quý IV: 0)');
    expect(xml).toContain('Chỉ tiêu “Tin, bài tuyên truyền về bình đẳng giới được đăng tải mỗi quý” chưa đạt');
    expect(xml).not.toContain('Ứng dụng chưa thu thập số liệu này.');
  });

  it('fills the commune checklist: a contact point set up the year before, a model stopped mid-year', () => {
    expect(xml).toContain('3. Mô hình, kiểm tra, tập huấn, xử lý phản ánh, kiến nghị');
    expect(xml).toContain('1/5 tổ dân phố có đầu mối (địa chỉ tin cậy) tiếp nhận thông tin về bạo lực đang hoạt động; duy trì 00 mô hình');
    expect(xml).toContain('tổ chức 01 cuộc kiểm tra, giám sát về bình đẳng giới; 01 lớp tập huấn, bồi dưỡng với 7 lượt người tham dự (4 lượt nữ, 3 lượt nam)');
    expect(xml).toContain('Tiếp nhận 01 phản ánh, kiến nghị; đã giải quyết xong 1/1 (100%).');
  });

  it('says whose data the officer accepted', () => {
    expect(xml).toContain('số liệu năm của 1/5 tổ dân phố đã được duyệt');
    expect(xml).toContain('Đã duyệt năm');
    expect(xml).toContain('Quý: 2 đã duyệt');
    // A period sent back, or waiting, is said so: not as if nothing had been sent.
    expect(xml).toContain('Quý: 1 đã trả lại');
    expect(xml).toContain('Năm: chờ duyệt');
    expect(xml).toContain('Chưa gửi duyệt');
  });

  it('never carries a violence case’s notes', () => {
    expect(xml).not.toContain('GHI-CHU-NHAY-CAM');
  });
});

describe('the report from accepted data only', () => {
  it('counts the accepted periods and the commune’s own records, and says so', async () => {
    const file = await download('docx', officerToken, 'year=2026&basis=accepted');
    expect(file.status).toBe(200);
    const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('chỉ tính số liệu đã được duyệt');
    // Tổ dân phố 1's year (2 sessions; its contact point is dated 2025, not accepted), the ward's 5 posts
    // and its inspection, training and complaint, Tổ dân phố 2's model (Q1, accepted); its case is in Q2, not accepted.
    expect(xml).toContain('tổng hợp từ 11 bản ghi');
    expect(xml).toContain('ứng dụng không ghi nhận vụ việc bạo lực gia đình');
    expect(xml).toContain('thu hút 67 lượt người tham dự');
    expect((await download('csv', officerToken, 'year=2026&basis=some')).status).toBe(400);
  });
});

describe('the Excel workbook', () => {
  it('has the indicators and a sheet per checklist with Vietnamese headers, without case notes', async () => {
    const file = await download('xlsx', officerToken);
    expect(file.status).toBe(200);
    if (process.env.SAVE_REPORTS_TO) writeFileSync(`${process.env.SAVE_REPORTS_TO}/report.xlsx`, file.bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
    // No sheet of cases: they count in the indicators only (the case list is its own export, below).
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Chỉ tiêu',
      'Đơn vị',
      'Tuyên truyền',
      'Tin, bài',
      'Đầu mối, mô hình',
      'Kiểm tra',
      'Tập huấn',
      'Phản ánh, kiến nghị',
    ]);
    const values = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    expect(values('Đơn vị').slice(1, 3)).toEqual([
      ['nam-gia-nghia', 'UBND phường Nam Gia Nghĩa', 'UBND cấp xã', '', 'Đang theo dõi'],
      ['tdp-1', 'Tổ dân phố 1', 'Tổ dân phố', 214, 'Đang theo dõi'],
    ]);
    const sessions = values('Tuyên truyền');
    expect(sessions[0]).toEqual(['Ngày', 'Đơn vị', 'Hình thức', 'Nội dung', 'Nam', 'Nữ', 'Số hộ', 'Ngôn ngữ', 'Ghi chú']);
    expect(sessions.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ['12/03/2026', 'Tổ dân phố 1', 'Họp thôn, tổ dân phố', 'Luật Bình đẳng giới; Phòng, chống bạo lực gia đình', 18, 27, 41],
      ['20/05/2026', 'Tổ dân phố 1', 'Hội nghị', 'Luật Bình đẳng giới; Phòng, chống bạo lực gia đình', 10, 12, 20],
    ]);
    expect(values('Tin, bài')).toHaveLength(6);
    expect(JSON.stringify(workbook.worksheets.map((s) => s.getSheetValues()))).not.toContain('TDP2-2026-01');
    const news = values('Chỉ tiêu').find((r) => r[0] === 'Toàn phường' && String(r[1]).startsWith('Tin, bài'));
    expect(news!.slice(3)).toEqual([4, 1, 0, 0, 5, 'Chưa đạt']);
    expect(
      values('Đầu mối, mô hình')
        .slice(1)
        .map((r) => r.slice(0, 5)),
    ).toEqual([
      ['Tổ dân phố 1', 'Đầu mối tiếp nhận thông tin', 'Chi hội Phụ nữ', '01/03/2025', ''],
      ['Tổ dân phố 2', 'Mô hình: Địa chỉ tin cậy', 'Địa chỉ tin cậy tổ dân phố 1', '15/01/2026', '01/07/2026'],
    ]);
    expect(
      values('Phản ánh, kiến nghị')
        .slice(1)
        .map((r) => r.slice(0, 3)),
    ).toEqual([['02/10/2026', 'Bạo lực gia đình', '14/10/2026']]);
    expect(values('Tập huấn')[1]!.slice(3, 5)).toEqual([3, 4]);
    const everything = JSON.stringify(workbook.worksheets.map((s) => s.getSheetValues()));
    expect(everything).not.toContain('GHI-CHU-NHAY-CAM');
  });
});

describe('the case list', () => {
  it('is a workbook of its own, one row per case of the year, MẬT at the top of every page, without notes', async () => {
    const response = await server.app.request('/api/v1/reports/cases.xlsx?year=2026', { headers: { Authorization: `Bearer ${officerToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="danh-sach-vu-viec-MAT-2026.xlsx"');
    const bytes = Buffer.from(await response.arrayBuffer());
    if (process.env.SAVE_REPORTS_TO) writeFileSync(`${process.env.SAVE_REPORTS_TO}/cases.xlsx`, bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Vụ việc (MẬT)']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.headerFooter.oddHeader).toContain('MẬT');
    expect(sheet.headerFooter.evenHeader).toContain('MẬT');
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 3)).toEqual(['TDP2-2026-01', '04/05/2026', 'Tổ dân phố 2']);
    expect(JSON.stringify(rows)).not.toContain('GHI-CHU-NHAY-CAM');
  });

  it('is refused to a village head and to no one signed in', async () => {
    expect((await server.app.request('/api/v1/reports/cases.xlsx?year=2026')).status).toBe(401);
    expect((await server.app.request('/api/v1/reports/cases.xlsx?year=2026', { headers: { Authorization: `Bearer ${headToken}` } })).status).toBe(403);
  });
});

describe('the CSV', () => {
  const periodHeaders = ['Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Cả năm'].flatMap((p) => [`${p}: số lượng hoặc tử số`, `${p}: mẫu số`, `${p}: tỷ lệ (%)`]);

  it('is UTF-8 with a BOM and one row per unit and indicator, every figure a number in a column of its own', async () => {
    const file = await download('csv', officerToken);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(['Đơn vị', 'Chỉ tiêu', 'Kế hoạch', ...periodHeaders, 'Đánh giá cả năm'].join(','));
    // News posts of the ward: 4 in Q1 (10/1, 10/2, 10/3, 20/3), 1 in Q2 (15/4), 5 in the year; counts have no denominator.
    expect(lines[1]).toBe(
      'Toàn phường,"Tin, bài tuyên truyền về bình đẳng giới được đăng tải mỗi quý",Ít nhất 04/quý; tỉnh giao: Ít nhất 04/quý,4,,,1,,,0,,,0,,,5,,,Chưa đạt',
    );
    // 1 commune total + 5 groups + the ward's own row, 12 indicators each, and the header.
    expect(lines.filter(Boolean)).toHaveLength(1 + 7 * 12);
    // Tổ dân phố 1 reached in Q1 (12/3) and Q2 (20/5), not in Q3 or Q4: 1 of 1, 100%; 0 of 1, 0%.
    expect(lines).toContain('Tổ dân phố 1,Số tổ dân phố được tuyên truyền ít nhất 01 lần/năm,100%,1,1,100,1,1,100,0,1,0,0,1,0,1,1,100,Đạt');
    // No field a spreadsheet could take for a date: no "a/b" figure anywhere.
    expect(lines.slice(1).join('\n')).not.toMatch(/,\d+\/\d+,/);
    expect(file.bytes.toString('utf8')).not.toContain('GHI-CHU-NHAY-CAM');
  });

  it('comes with semicolons and a decimal comma for a spreadsheet set to Vietnamese', async () => {
    const comma = (await download('csv', officerToken)).bytes.toString('utf8').split('\r\n');
    const file = await download('csv', officerToken, 'year=2026&delimiter=semicolon');
    expect(file.status).toBe(200);
    const lines = file.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(['Đơn vị', 'Chỉ tiêu', 'Kế hoạch', ...periodHeaders, 'Đánh giá cả năm'].join(';'));
    expect(lines).toContain('Tổ dân phố 1;Số tổ dân phố được tuyên truyền ít nhất 01 lần/năm;100%;1;1;100;1;1;100;0;1;0;0;1;0;1;1;100;Đạt');
    expect(lines).toHaveLength(comma.length);
    // A percentage with a fraction is written with a decimal comma, unquoted.
    const fractional = lines
      .slice(1)
      .flatMap((line) => line.split(';'))
      .filter((field) => /^\d+,\d+$/.test(field));
    const commaFractional = comma.slice(1).flatMap((line) => line.match(/(?<=,)\d+\.\d+(?=,)/g) ?? []);
    expect(fractional).toEqual(commaFractional.map((f) => f.replace('.', ',')));
    expect((await download('csv', officerToken, 'year=2026&delimiter=tab')).status).toBe(400);
  });
});
