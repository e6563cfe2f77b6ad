// The commune's phones for its officer, from the server (online only): list, revoke a lost
// one, and lift a user's sign-in lock-out.
import { useEffect, useState } from 'preact/hooks';
import { accountUnlocked } from '../../../domain/communeAccounts.ts';
import { deviceList, revokedDevice, type CommuneDevice } from '../../../domain/devices.ts';
import { useServices } from '../../services.ts';

export type { CommuneDevice };

export function useDevices() {
  const { device, api } = useServices();
  const [devices, setDevices] = useState<CommuneDevice[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [ownDeviceId, setOwnDeviceId] = useState<string | undefined>(undefined);

  async function load(): Promise<void> {
    const answer = await api.get('/devices', deviceList);
    if (answer.ok) setDevices(answer.value.devices);
    setFailed(!answer.ok);
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
      const answer = await api.send('POST', `/devices/${encodeURIComponent(deviceId)}/revoke`, revokedDevice);
      await load();
      return answer.ok;
    },
    async unlock(userId: string): Promise<boolean> {
      return (await api.send('POST', `/accounts/${encodeURIComponent(userId)}/unlock`, accountUnlocked)).ok;
    },
  };
}
