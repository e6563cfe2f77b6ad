// The commune's phones for its officer, from the server (online only): list, revoke a lost
// one, and lift a user's sign-in lock-out.
import { useEffect, useState } from 'preact/hooks';
import type { CommuneDevice } from '../../../domain/devices.ts';
import { apiHeaders } from '../../../sync/index.ts';
import { useServices } from '../../services.ts';

export type { CommuneDevice };


export function useDevices() {
  const { device } = useServices();
  const [devices, setDevices] = useState<CommuneDevice[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [ownDeviceId, setOwnDeviceId] = useState<string | undefined>(undefined);

  async function call(method: string, path: string): Promise<Response | undefined> {
    try {
      return await fetch(`/api/v1${path}`, { method, headers: apiHeaders(), cache: 'no-store' });
    } catch {
      return undefined;
    }
  }

  async function load(): Promise<void> {
    const response = await call('GET', '/devices');
    if (response?.ok) {
      setDevices(((await response.json()) as { devices: CommuneDevice[] }).devices);
      setFailed(false);
    } else {
      setFailed(true);
    }
  }

  useEffect(() => {
    void device.deviceId().then(setOwnDeviceId);
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the screen opens: load is a new function at each render, the device store is the phone's one
  }, []);

  return {
    devices,
    ownDeviceId,
    failed,
    async revoke(deviceId: string): Promise<boolean> {
      const response = await call('POST', `/devices/${encodeURIComponent(deviceId)}/revoke`);
      await load();
      return response?.ok ?? false;
    },
    async unlock(userId: string): Promise<boolean> {
      const response = await call('POST', `/accounts/${encodeURIComponent(userId)}/unlock`);
      return response?.ok ?? false;
    },
  };
}
