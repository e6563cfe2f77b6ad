// The card the officer prints or shows: whose account, which unit, the code (grouped to read
// aloud), until when it works, and its QR: a link to the app with the code in the fragment,
// which the browser never sends to the server (so it is in no server log).
import { enrolmentLink, type IssuedEnrolment } from '../../../domain/enrolment.ts';
import { fill, text } from '../../i18n/index.ts';
import { QrCode } from './QrCode.tsx';

function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function EnrolmentCard(props: { name: string; unitName: string; enrolment: IssuedEnrolment; onClose: () => void }) {
  const { enrolment } = props;
  return (
    <div class="enrolment-card" role="region" aria-label={text.accounts.cardTitle}>
      <h3>{text.accounts.cardTitle}</h3>
      <div class="enrolment-card-body">
        <QrCode value={enrolmentLink(location.origin, enrolment.code)} label={fill(text.accounts.qrLabel, { name: props.name })} size={180} />
        <dl>
          <dt>{text.accounts.cardFor}</dt>
          <dd>{props.name}</dd>
          <dt>{text.accounts.cardUnit}</dt>
          <dd>{props.unitName}</dd>
          <dt>{text.accounts.cardCode}</dt>
          <dd class="enrolment-code" data-enrolment-code={enrolment.code}>
            {enrolment.code}
          </dd>
          <dt>{text.accounts.cardExpires}</dt>
          <dd>{formatDateTime(enrolment.expiresAt)}</dd>
        </dl>
      </div>
      <p class="muted">{text.accounts.cardSteps}</p>
      <div class="review-actions no-print">
        <button class="primary" type="button" onClick={() => window.print()}>
          {text.accounts.print}
        </button>
        <button class="secondary" type="button" onClick={props.onClose}>
          {text.accounts.close}
        </button>
      </div>
    </div>
  );
}
