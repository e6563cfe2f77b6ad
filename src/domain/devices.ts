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
