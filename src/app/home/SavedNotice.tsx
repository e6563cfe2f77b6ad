// The word after a save, on the home screen for a few seconds.
import { useEffect, useState } from 'preact/hooks';
import { text } from '../i18n/index.ts';
import { savedNotice } from './savedNotice.ts';

const SHOWN_MS = 5000;

export function SavedNotice() {
  const [shown, setShown] = useState(() => savedNotice.take());
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(false), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  if (!shown) return null;
  return (
    <p class="notice ok saved-notice" role="status">
      {text.form.saved}
    </p>
  );
}
