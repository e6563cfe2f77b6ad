// The demo commune, after the 2026 plan of Nam Gia Nghĩa ward, Lâm Đồng (seeds/000):
// the ward itself and five residential groups (tổ dân phố), one officer and five group heads.
// The demo province adds a second ward of Lâm Đồng and the province's account (seed 003).
import type { Role, Unit } from '../../src/domain/index.ts';
import { hashPin } from '../auth/secrets.ts';
import type { CommuneSeed, ProvinceSeed } from './store.ts';

export const DEMO_PIN = '1234';
export const DEMO_COMMUNE_ID = 'nam-gia-nghia';
export const DEMO_PROVINCE = { id: 'lam-dong', name: 'Tỉnh Lâm Đồng' } as const;
export const SECOND_COMMUNE_ID = 'bac-gia-nghia';

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
  ...groupHouseholds.map((households, index): Unit => ({
    id: `tdp-${index + 1}`,
    communeId: DEMO_COMMUNE_ID,
    name: `Tổ dân phố ${index + 1}`,
    type: 'toDanPho',
    households,
  })),
];

/** The accounts of the demo ward (Nam Gia Nghĩa). */
export const communeSignIns: DemoSignIn[] = [
  { username: 'canbo', pin: DEMO_PIN, role: 'communeOfficer', unitId: DEMO_COMMUNE_ID, displayName: 'Công chức Văn hóa – Xã hội' },
  ...groupHouseholds.map((_, index): DemoSignIn => ({
    username: `tdp${index + 1}`,
    pin: DEMO_PIN,
    role: 'villageHead',
    unitId: `tdp-${index + 1}`,
    displayName: `Tổ trưởng Tổ dân phố ${index + 1}`,
  })),
];

const secondGroups = [231, 205, 189];

const secondUnits: Unit[] = [
  { id: SECOND_COMMUNE_ID, communeId: SECOND_COMMUNE_ID, name: 'UBND phường Bắc Gia Nghĩa', type: 'commune', households: 0 },
  ...secondGroups.map((households, index): Unit => ({
    id: `bgn-tdp-${index + 1}`,
    communeId: SECOND_COMMUNE_ID,
    name: `Tổ dân phố ${index + 1}`,
    type: 'toDanPho',
    households,
  })),
];

/** The second demo ward: an officer and three group heads. */
const secondSignIns: DemoSignIn[] = [
  { username: 'bgn-canbo', pin: DEMO_PIN, role: 'communeOfficer', unitId: SECOND_COMMUNE_ID, displayName: 'Công chức Văn hóa – Xã hội' },
  ...secondGroups.map((_, index): DemoSignIn => ({
    username: `bgn-tdp${index + 1}`,
    pin: DEMO_PIN,
    role: 'villageHead',
    unitId: `bgn-tdp-${index + 1}`,
    displayName: `Tổ trưởng Tổ dân phố ${index + 1}`,
  })),
];

const provinceSignIns: DemoSignIn[] = [{ username: 'tinh', pin: DEMO_PIN, role: 'province', unitId: '', displayName: 'Sở Nội vụ' }];

/** The demo accounts, printed by main.ts. */
export const demoSignIns: DemoSignIn[] = [...communeSignIns, ...secondSignIns, ...provinceSignIns];

const usersOf = (accounts: DemoSignIn[]) =>
  Promise.all(
    accounts.map(async (account) => ({
      id: account.username,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      unitId: account.unitId,
      pinHash: await hashPin(account.pin),
    })),
  );

/** The demo province as main.ts seeds it on an empty database: both wards and the province account. */
export async function demoSeed(): Promise<{ communes: CommuneSeed[]; province: ProvinceSeed }> {
  return {
    communes: [
      await demoCommuneSeed(),
      {
        province: DEMO_PROVINCE,
        commune: { id: SECOND_COMMUNE_ID, name: 'Phường Bắc Gia Nghĩa', provinceName: 'Lâm Đồng' },
        units: secondUnits,
        users: await usersOf(secondSignIns),
      },
    ],
    province: { province: DEMO_PROVINCE, users: (await usersOf(provinceSignIns)).map(({ role: _role, unitId: _unit, ...user }) => user) },
  };
}

/** The demo ward alone (the server suites start from it). The user id is the username in the demo. */
export async function demoCommuneSeed(): Promise<CommuneSeed> {
  return {
    province: DEMO_PROVINCE,
    commune: { id: DEMO_COMMUNE_ID, name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' },
    units: demoUnits,
    users: await Promise.all(
      communeSignIns.map(async (account) => ({
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
