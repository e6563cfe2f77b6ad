// The date field: dd/mm/yyyy whatever the browser's language (a date input follows the
// browser and shows mm/dd/yyyy in an English one), with the digit keyboard; the draft holds
// "YYYY-MM-DD" once the typed day is a real one, and the typed text otherwise, which the
// schema then names as a wrong date.
import { useEffect, useState } from 'preact/hooks';
import { formatDate, maskDateText, parseDateText } from '../i18n/dateText.ts';
import { text } from '../i18n/index.ts';
import { getPath } from './draft.ts';
import { controlProps, FieldShell, type FormBinding } from './fields.tsx';

export function DateField(props: { form: FormBinding; path: string; label: string }) {
  const value = (getPath(props.form.draft, props.path) as string | undefined) ?? '';
  const [shown, setShown] = useState(() => formatDate(value));
  useEffect(() => {
    // The draft changed from outside (a draft restored, a form reset): show it.
    if (value !== (parseDateText(shown) ?? shown)) setShown(formatDate(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the draft's value; the text typed is what it is compared with
  }, [value]);
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} hint={text.entry.dateHint}>
      <input
        {...controlProps(props.form, props.path, true)}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        maxLength={10}
        placeholder={text.entry.datePlaceholder}
        value={shown}
        onInput={(e) => {
          const masked = maskDateText(e.currentTarget.value);
          e.currentTarget.value = masked;
          setShown(masked);
          props.form.set(props.path, parseDateText(masked) ?? masked);
        }}
      />
    </FieldShell>
  );
}
