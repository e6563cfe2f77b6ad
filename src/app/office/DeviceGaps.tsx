// Phones whose change numbers have a hole: changes made on the phone that never reached the
// server (a phone wiped or reinstalled before it sent them). The officer calls the village head.
import { useEffect, useState } from 'preact/hooks';
import type { DeviceGap } from '../../domain/devices.ts';
import { fill, text } from '../i18n/index.ts';
import { apiHeaders } from '../../sync/index.ts';
import { useServices } from '../services.ts';


export function DeviceGaps(props: { unitName: (id: string) => string }) {
  const { device } = useServices();
  const [gaps, setGaps] = useState<DeviceGap[] | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const response = await fetch('/api/v1/devices/gaps', { headers: apiHeaders(), cache: 'no-store' });
        if (response.ok && live) setGaps(((await response.json()) as { devices: DeviceGap[] }).devices);
      } catch {
        // Offline: this list needs the server; the section stays hidden.
      }
    })();
    return () => void (live = false);
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
    </section>
  );
}
