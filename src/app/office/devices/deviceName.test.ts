import { describe, expect, it } from 'vitest';
import { browserAndSystem, shortDeviceId } from './deviceName.ts';

describe('a phone as the officer tells it apart', () => {
  it('names the browser and the system from real user agents', () => {
    const cases: Array<[string, string]> = [
      ['Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36', 'Chrome trên Android 13'],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
        'Safari trên iPhone (iOS 17)',
      ],
      [
        'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
        'Samsung Internet trên Android 12',
      ],
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/118.0.0 Chrome/112.0.0.0 Safari/537.36',
        'Cốc Cốc trên Windows',
      ],
      ['Mozilla/5.0 (Android 13; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0', 'Firefox trên Android 13'],
    ];
    for (const [userAgent, expected] of cases) expect(browserAndSystem(userAgent), userAgent).toBe(expected);
  });

  it('says so when nothing is known, and shows the end of the id', () => {
    expect(browserAndSystem(null)).toBe('trình duyệt không rõ');
    expect(browserAndSystem('curl/8.0')).toBe('trình duyệt không rõ');
    expect(shortDeviceId('1a53a054-e162-4066-89b5-668d4206864a')).toBe('mã máy …864a');
  });
});
