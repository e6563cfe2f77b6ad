// The phones whose change numbers have a hole, from the server, a page at a time (by device
// id). Offline or refused, the list stays as it is: it needs the server.
import { useEffect, useRef, useState } from 'preact/hooks';
import { deviceGapsPage, type DeviceGap } from '../../../domain/devices.ts';
import { useServices } from '../../services.ts';

export function useDeviceGaps() {
  const { device, api } = useServices();
  const [gaps, setGaps] = useState<DeviceGap[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const live = useRef(true);

  /** One page of the server's list, added to what is shown. */
  async function load(after: string | null): Promise<void> {
    const query = after ? `?after=${encodeURIComponent(after)}` : '';
    const answer = await api.get(`/devices/gaps${query}`, deviceGapsPage);
    if (!answer.ok || !live.current) return;
    setGaps((shown) => [...(after ? (shown ?? []) : []), ...answer.value.devices]);
    setNext(answer.value.next);
  }

  useEffect(() => {
    live.current = true;
    void load(null);
    return () => void (live.current = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per account's device store: load is a new function at each render
  }, [device]);

  return { gaps, next, more: () => load(next) };
}
