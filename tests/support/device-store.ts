// A phone's device values kept in memory, for suites that drive the real sync engine without
// the app around it: a fixed device id, a sync cursor and the clock's offset.
import type { DeviceStore } from '../../src/data/index.ts';

export function memoryDeviceStore(deviceId: string): DeviceStore {
  let cursor = 0;
  let clockOffset: number | undefined;
  return {
    deviceId: async () => deviceId,
    cursor: async () => cursor,
    setCursor: async (value) => void (cursor = value),
    lastSyncAt: async () => undefined,
    setLastSyncAt: async () => undefined,
    clockOffset: async () => clockOffset,
    setClockOffset: async (value) => void (clockOffset = value),
    wipe: async () => {
      cursor = 0;
    },
  };
}
