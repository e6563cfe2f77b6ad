// Phones whose change numbers have a hole: changes made on the phone that never reached the
// server (a phone wiped or reinstalled before it sent them). The officer calls the village head.
import { fill, text } from '../../i18n/index.ts';
import { useDeviceGaps } from './useDeviceGaps.ts';

export function DeviceGaps(props: { unitName: (id: string) => string }) {
  const { gaps, next, more } = useDeviceGaps();
  if (!gaps || gaps.length === 0) return null;
  return (
    <section class="card" aria-labelledby="gaps-title" data-device-gaps={gaps.length}>
      <h2 id="gaps-title">{text.office.gapsTitle}</h2>
      <p class="muted">{text.office.gapsIntro}</p>
      <ul>
        {gaps.map((gap) => (
          <li key={gap.deviceId}>{fill(text.office.gapLine, { who: gap.displayName, unit: props.unitName(gap.unitId), n: gap.missingSeqs.length })}</li>
        ))}
      </ul>
      {next && (
        <button type="button" onClick={() => void more()}>
          {text.office.gapsMore}
        </button>
      )}
    </section>
  );
}
