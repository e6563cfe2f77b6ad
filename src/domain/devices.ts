// What the officer sees of the commune's phones: the signed-in devices (a lost one is revoked
// from there) and those whose change numbers have a hole. Shared by the server's answers and
// the office screen.
export interface CommuneDevice {
  deviceId: string;
  userId: string;
  displayName: string;
  unitId: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface DeviceGap {
  deviceId: string;
  userId: string;
  displayName: string;
  unitId: string;
  lastSeq: number;
  missingSeqs: number[];
}

/** One page of the devices with gaps, by device id; `next` is the `after` of the next page. */
export interface DeviceGapsPage {
  devices: DeviceGap[];
  next: string | null;
}

/** Devices per page of `GET /devices/gaps` unless asked (each carries at most 1,000 missing numbers). */
export const DEVICE_GAPS_PAGE = 20;
export const MAX_DEVICE_GAPS_PAGE = 100;
