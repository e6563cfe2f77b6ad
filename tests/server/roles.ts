// Every role, and a second commune, on top of the demo ward: the people the authorisation
// tests act as. Devices get their tokens straight from the store (no scrypt per sign-in).
import { randomUUID } from 'node:crypto';
import { newToken, sha256Hex, UNUSABLE_PIN_HASH } from '../../server/auth/secrets.ts';
import type { Role } from '../../src/domain/index.ts';
import type { TestServer } from './harness.ts';

export const OTHER_COMMUNE = 'xa-khac';

/** One user per role in the demo ward; the province user belongs to the ward's province (Lâm Đồng). */
export const actors = {
  villageHead: 'tdp1',
  communeOfficer: 'canbo',
  communeReporter: 'congan',
  province: 'tinh',
} as const satisfies Record<Role, string>;

export async function seedRoles(server: TestServer): Promise<void> {
  await server.store.seedCommune({
    province: { id: 'lam-dong', name: 'Tỉnh Lâm Đồng' },
    commune: { id: OTHER_COMMUNE, name: 'Xã Khác', provinceName: 'Lâm Đồng' },
    units: [
      { id: OTHER_COMMUNE, communeId: OTHER_COMMUNE, name: 'UBND xã Khác', type: 'commune', households: 0 },
      { id: 'thon-a', communeId: OTHER_COMMUNE, name: 'Thôn A', type: 'thon', households: 120 },
    ],
    users: [
      { id: 'xk-canbo', username: 'xk-canbo', displayName: 'Công chức xã Khác', role: 'communeOfficer', unitId: OTHER_COMMUNE, pinHash: UNUSABLE_PIN_HASH },
      { id: 'xk-thon-a', username: 'xk-thon-a', displayName: 'Trưởng thôn A', role: 'villageHead', unitId: 'thon-a', pinHash: UNUSABLE_PIN_HASH },
    ],
  });
  await server.store.db
    .insertInto('users')
    .values([
      {
        id: 'congan',
        username: 'congan',
        display_name: 'Công an phường',
        role: 'communeReporter',
        commune_id: 'nam-gia-nghia',
        unit_id: 'nam-gia-nghia',
        pin_hash: UNUSABLE_PIN_HASH,
      },
    ])
    .execute();
  await server.store.seedProvince({
    province: { id: 'lam-dong', name: 'Tỉnh Lâm Đồng' },
    users: [{ id: 'tinh', username: 'tinh', displayName: 'Sở Nội vụ', pinHash: UNUSABLE_PIN_HASH }],
  });
}

/** A device signed in as the user, made directly in the store; returns its id and token. */
export async function tokenFor(server: TestServer, userId: string, deviceId = randomUUID()): Promise<{ deviceId: string; token: string }> {
  const token = newToken();
  await server.store.devices.bind({ deviceId, userId, tokenHash: sha256Hex(token), now: '2026-06-01T00:00:00.000Z' });
  return { deviceId, token };
}

export interface CallResult {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function call(server: TestServer, method: string, path: string, token?: string, body?: unknown): Promise<CallResult> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // Sign-in and enrolment put the token in the answer only when asked (the app gets a cookie).
  if (path === '/api/v1/sessions' || path === '/api/v1/enrolments') headers['X-Session-Token'] = 'body';
  const response = await server.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const isText = /json|text/.test(response.headers.get('Content-Type') ?? '');
  const text = isText ? await response.text() : '';
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
