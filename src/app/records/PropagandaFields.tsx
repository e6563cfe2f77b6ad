import { countsAttendees, type PropagandaForm } from '../../domain/index.ts';
import { text } from '../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { ChoiceList, NumberField, SelectField, TextField, type FormBinding } from './fields.tsx';

export function PropagandaFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  // A broadcast, banners or a post: nobody to count by sex, only the households reached.
  const chosen = form.draft.form as PropagandaForm | undefined;
  const attendees = chosen === undefined || countsAttendees(chosen);
  const choosingForm: FormBinding = {
    ...form,
    set(path, value) {
      form.set(path, value);
      // Counts typed for a meeting do not stay hidden in a broadcast.
      if (value !== undefined && !countsAttendees(value as PropagandaForm)) {
        form.set('menCount', undefined);
        form.set('womenCount', undefined);
      }
    },
  };
  return (
    <>
      <DateField form={form} path="date" label={f.date} />
      <SelectField form={choosingForm} path="form" label={f.form} options={text.options.form} />
      <ChoiceList form={form} path="topics" label={f.topics} options={text.options.topics} />
      {attendees && (
        <div class="row">
          <NumberField form={form} path="menCount" label={f.menCount} />
          <NumberField form={form} path="womenCount" label={f.womenCount} />
        </div>
      )}
      <NumberField form={form} path="householdsReached" label={f.householdsReached} />
      <SelectField form={form} path="language" label={f.language} options={text.options.language} />
      {form.draft.language === 'minority' && <TextField form={form} path="minorityLanguage" label={f.minorityLanguage} />}
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}
