// Big digit buttons for the PIN: easy to hit on a small phone, no keyboard popping up.
import { fill, text } from '../i18n/index.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const MAX_PIN_LENGTH = 8;

export function PinPad(props: { value: string; onChange: (value: string) => void; disabled?: boolean }) {
  const press = (digit: string) => {
    if (props.value.length < MAX_PIN_LENGTH) props.onChange(props.value + digit);
  };
  const digitButton = (digit: string) => (
    <button type="button" class="pin-key" key={digit} aria-label={fill(text.lock.digit, { digit })} disabled={props.disabled} onClick={() => press(digit)}>
      {digit}
    </button>
  );
  return (
    <div class="pin-pad">
      <p class="pin-dots" aria-hidden="true">
        {Array.from({ length: Math.max(4, props.value.length) }, (_, i) => (
          <span key={i} class={i < props.value.length ? 'dot filled' : 'dot'} />
        ))}
      </p>
      <p class="sr-only" aria-live="polite">
        {fill(text.lock.entered, { n: props.value.length })}
      </p>
      <div class="pin-keys">
        {KEYS.map(digitButton)}
        <span />
        {digitButton('0')}
        <button
          type="button"
          class="pin-key erase"
          aria-label={text.lock.erase}
          disabled={props.disabled || props.value === ''}
          onClick={() => props.onChange(props.value.slice(0, -1))}
        >
          ⌫
        </button>
      </div>
    </div>
  );
}
