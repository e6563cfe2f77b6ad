// A QR code drawn as one SVG path (uqr encodes; no inline styles, so the CSP holds).
import { encode } from 'uqr';

export function QrCode(props: { value: string; label: string; size?: number }) {
  const qr = encode(props.value, { ecc: 'M', border: 2 });
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const size = props.size ?? 200;
  return (
    <svg class="qr-code" role="img" aria-label={props.label} viewBox={`0 0 ${qr.size} ${qr.size}`} width={size} height={size} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
