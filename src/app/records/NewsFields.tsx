import { text } from '../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { SelectField, TextField, type FormBinding } from './fields.tsx';

export function NewsFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  return (
    <>
      <DateField form={form} path="date" label={f.date} />
      <SelectField form={form} path="channel" label={f.channel} options={text.options.channel} />
      <TextField form={form} path="title" label={f.title} />
      <TextField form={form} path="link" label={f.link} type="url" />
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}
