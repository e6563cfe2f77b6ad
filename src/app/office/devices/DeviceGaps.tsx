// Phones whose change numbers have a hole: changes made on the phone that never reached the
// server (a phone wiped or reinstalled before it sent them). The officer calls the village head.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceGap, DeviceGapsPage } from '../../../domain/devices.ts';
import { fill, text } from '../../i18n/index.ts';
import { apiHeaders } from '../../../sync/index.ts';
import { useServices } from '../../services.ts';


export function DeviceGaps(props: { unitName: (id: string) => string }) {
  const { device } = useServices();
  const [gaps, setGaps] = useState<DeviceGap[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const live = useRef(true);

  /** One page of the server's list (paged by device id), added to what is shown. */
  async function load(after: string | null): Promise<void> {
    try {
      const query = after ? `?after=${encodeURIComponent(after)}` : '';
      const response = await fetch(`/api/v1/devices/gaps${query}`, { headers: apiHeaders(), cache: 'no-store' });
      if (!response.ok || !live.current) return;
      const page = (await response.json()) as DeviceGapsPage;
      setGaps((shown) => [...(after ? (shown ?? []) : []), ...page.devices]);
      setNext(page.next);
    } catch {
      // Offline: this list needs the server; the section stays as it is.
    }
  }

  useEffect(() => {
    live.current = true;
    void load(null);
    return () => void (live.current = false);
  }, [device]);
  if (!gaps || gaps.length === 0) return null;
  return (
    <section class="card" aria-labelledby="gaps-title" data-device-gaps={gaps.length}>
      <h2 id="gaps-title">{text.office.gapsTitle}</h2>
      <p class="muted">{text.office.gapsIntro}</p>
      <ul>
        {gaps.map((gap) => (
          <li key={gap.deviceId}>
            {fill(text.office.gapLine, { who: gap.displayName, unit: props.unitName(gap.unitId), n: gap.missingSeqs.length })}
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {text.office.gapsMore}
        </button>
      )}
    </section>
  );
}
