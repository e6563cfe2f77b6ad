// The demo commune, after the 2026 plan of Nam Gia Nghĩa ward, Lâm Đồng (seeds/000):
// the ward itself and five residential groups (tổ dân phố), one officer and five group heads.
import type { Role, Unit } from '../../src/domain/index.ts';
import { hashPin } from '../auth/secrets.ts';
import type { CommuneSeed } from './store.ts';

export const DEMO_PIN = '1234';
export const DEMO_COMMUNE_ID = 'nam-gia-nghia';

export interface DemoSignIn {
  username: string;
  pin: string;
  role: Role;
  unitId: string;
  displayName: string;
}

const groupHouseholds = [214, 187, 256, 173, 198];

export const demoUnits: Unit[] = [
  { id: DEMO_COMMUNE_ID, communeId: DEMO_COMMUNE_ID, name: 'UBND phường Nam Gia Nghĩa', type: 'commune', households: 0 },
  ...groupHouseholds.map(
    (households, index): Unit => ({
      id: `tdp-${index + 1}`,
      communeId: DEMO_COMMUNE_ID,
      name: `Tổ dân phố ${index + 1}`,
      type: 'toDanPho',
      households,
    }),
  ),
];

/** The demo accounts, printed by main.ts and used by the tests. */
export const demoSignIns: DemoSignIn[] = [
  { username: 'canbo', pin: DEMO_PIN, role: 'communeOfficer', unitId: DEMO_COMMUNE_ID, displayName: 'Công chức Văn hóa – Xã hội' },
  ...groupHouseholds.map(
    (_, index): DemoSignIn => ({
      username: `tdp${index + 1}`,
      pin: DEMO_PIN,
      role: 'villageHead',
      unitId: `tdp-${index + 1}`,
      displayName: `Tổ trưởng Tổ dân phố ${index + 1}`,
    }),
  ),
];

/** The user id is the username in the demo. */
export async function demoCommuneSeed(): Promise<CommuneSeed> {
  return {
    commune: { id: DEMO_COMMUNE_ID, name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' },
    units: demoUnits,
    users: await Promise.all(
      demoSignIns.map(async (account) => ({
        id: account.username,
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        unitId: account.unitId,
        pinHash: await hashPin(account.pin),
      })),
    ),
  };
}
