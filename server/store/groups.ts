// The store's groups (store.ts), one per module, as the routes use them: each is built from
// its module file, which also declares its rule for the session cache (group.ts). A new query
// goes into its module's group; a new group is named here.
import { accountsGroup, enrolmentsGroup } from './accounts/accounts.ts';
import { sessionsGroup } from './accounts/sessions.ts';
import { signInThrottleGroup } from './accounts/signInThrottle.ts';
import type { StoreContext } from './group.ts';
import { auditGroup } from './office/audit.ts';
import { devicesGroup } from './office/devices.ts';
import { plansGroup } from './office/plans.ts';
import { reportsGroup } from './office/reports.ts';
import { reportSettingsGroup } from './office/reportSettings.ts';
import { reviewsGroup } from './office/reviews.ts';
import { unitsGroup } from './office/units.ts';
import { unitTypesGroup } from './office/unitTypes.ts';
import { provinceGroup } from './province/province.ts';
import { provincePlansGroup } from './province/provincePlans.ts';
import { syncGroup } from './sync/pull.ts';

export const storeGroups = {
  sessions: sessionsGroup,
  devices: devicesGroup,
  accounts: accountsGroup,
  enrolments: enrolmentsGroup,
  signInThrottle: signInThrottleGroup,
  sync: syncGroup,
  plans: plansGroup,
  units: unitsGroup,
  unitTypes: unitTypesGroup,
  reviews: reviewsGroup,
  reports: reportsGroup,
  reportSettings: reportSettingsGroup,
  audit: auditGroup,
  province: provinceGroup,
  provincePlans: provincePlansGroup,
};

export type GroupName = keyof typeof storeGroups;

export type StoreGroups = { [Name in GroupName]: ReturnType<(typeof storeGroups)[Name]['build']> };

export function buildGroups(context: StoreContext): StoreGroups {
  return Object.fromEntries(Object.entries(storeGroups).map(([name, group]) => [name, group.build(context)])) as StoreGroups;
}
