// Phones told apart in the officer's list: the browser and the system from the user agent the
// phone signed in with ("Chrome trên Android 13"), and the end of its id.
import { fill, text } from '../../i18n/index.ts';

/** In the order they are tested: a browser built on Chrome says "Chrome/" too, so it comes first. */
const browsers: Array<[RegExp, string]> = [
  [/\bZalo\b/i, 'Zalo'],
  [/coc_coc_browser/i, 'Cốc Cốc'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/\bEdg(A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];

function systemOf(userAgent: string): string | null {
  const android = /Android (\d+)/.exec(userAgent);
  if (android) return `Android ${android[1]}`;
  const ios = /(iPhone|iPad)(?:; CPU)?(?: iPhone)? OS (\d+)/.exec(userAgent);
  if (ios) return `${ios[1]} (iOS ${ios[2]})`;
  if (/Windows NT/.test(userAgent)) return 'Windows';
  if (/Mac OS X/.test(userAgent)) return 'macOS';
  if (/Linux/.test(userAgent)) return 'Linux';
  return null;
}

export function browserAndSystem(userAgent: string | null): string {
  if (!userAgent) return text.office.deviceUnknownBrowser;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systemOf(userAgent);
  if (browser && system) return fill(text.office.deviceOn, { browser, system });
  return browser ?? system ?? text.office.deviceUnknownBrowser;
}

/** The last four characters of the device id: enough to tell two phones of one person apart. */
export const shortDeviceId = (deviceId: string) => fill(text.office.deviceShortId, { id: deviceId.slice(-4) });
