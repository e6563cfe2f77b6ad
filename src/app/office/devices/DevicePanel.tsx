// The officer's list of the commune's phones: whose each one is and since when; a lost one is
// revoked here (it wipes itself on its next contact), and a locked-out user is unlocked.
import { useState } from 'preact/hooks';
import { dayInVietnam } from '../../../domain/index.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, formatDate, text } from '../../i18n/index.ts';
import { browserAndSystem, shortDeviceId } from './deviceName.ts';
import { useDevices, type CommuneDevice } from './useDevices.ts';

const day = (iso: string) => formatDate(dayInVietnam(new Date(iso)));

function DeviceRow(props: { device: CommuneDevice; online: boolean; actions: ReturnType<typeof useDevices>; onDone: (message: string) => void }) {
  const { device, online, actions } = props;
  const revoked = device.revokedAt !== null;
  const own = device.deviceId === actions.ownDeviceId;
  const revoke = async () => {
    if (!confirm(fill(text.office.revokeConfirm, { name: device.displayName }))) return;
    props.onDone((await actions.revoke(device.deviceId)) ? fill(text.office.revokedDone, { name: device.displayName }) : text.office.devicesFailed);
  };
  const unlock = async () => {
    props.onDone((await actions.unlock(device.userId)) ? fill(text.office.unlockedDone, { name: device.displayName }) : text.office.devicesFailed);
  };
  return (
    <li data-device-id={device.deviceId} data-revoked={revoked}>
      <p>
        <strong>{device.displayName}</strong> · {browserAndSystem(device.userAgent)} · {shortDeviceId(device.deviceId)}
        {own && ` · ${text.office.thisDevice}`}
        {revoked && ` · ${text.office.deviceRevoked}`}
        <br />
        <small>
          {fill(text.office.deviceSince, { date: day(device.createdAt) })}
          {device.lastSeenAt && ` · ${fill(text.office.deviceLastSeen, { date: day(device.lastSeenAt) })}`}
        </small>
      </p>
      <div class="review-actions">
        {!revoked && !own && (
          <button class="danger" disabled={!online} onClick={() => void revoke()}>
            {text.office.revoke}
          </button>
        )}
        <button class="secondary" disabled={!online} onClick={() => void unlock()}>
          {text.office.unlock}
        </button>
      </div>
    </li>
  );
}

export function DevicePanel() {
  const online = useConnection();
  const actions = useDevices();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <h2 id="devices-title">{text.office.devicesTitle}</h2>
      <p class="muted">{text.office.devicesIntro}</p>
      {!online && <p class="notice warn">{text.review.needsConnection}</p>}
      {actions.failed && online && <p class="muted">{text.office.devicesFailed}</p>}
      {message && <p role="status">{message}</p>}
      <ul class="unit-reviews">
        {actions.devices?.map((device) => (
          <DeviceRow key={device.deviceId} device={device} online={online} actions={actions} onDone={setMessage} />
        ))}
      </ul>
    </>
  );
}
