// The app's own question before something that cannot be undone: a sheet in Vietnamese with
// big buttons, never the browser's confirm() (in the browser's language, easy to tap through).
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmSheet(props: { title: string; message: string; confirm: string; cancel: string; onConfirm: () => void; onCancel: () => void }) {
  const { onCancel } = props;
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus, and Escape gives it.
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div class="sheet-backdrop">
      <div class="sheet" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-message">
        <h2 id="confirm-title">{props.title}</h2>
        <p id="confirm-message">{props.message}</p>
        <button class="danger big" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button class="secondary big" ref={cancel} onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </div>
  );
}
