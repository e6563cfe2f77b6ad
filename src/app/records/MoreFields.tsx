// The rare parts of a form, folded under "Thêm thông tin" until needed: open when it holds
// something already (an edit) or a mistake to fix, so nothing she must see is ever hidden.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { text } from '../i18n/index.ts';
import type { FormBinding } from './fields.tsx';
import { fieldKey } from './useRecordForm.ts';

export function MoreFields(props: { form: FormBinding; paths: string[]; filled: boolean; what: string; children: ComponentChildren }) {
  const [open, setOpen] = useState(props.filled);
  const mistake = [...props.form.errors.keys()].some((key) => props.paths.some((path) => fieldKey(path) === key || key.startsWith(`${path}.`)));
  return (
    <details class="more-fields" open={open || props.filled || mistake} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span class="more-title">{text.entry.more}</span>
        <small class="muted">{props.what}</small>
      </summary>
      {props.children}
    </details>
  );
}
