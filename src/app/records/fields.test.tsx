// @vitest-environment happy-dom
// A count field keeps what was typed: a stray key never turns "1a2" into "2" or empties the
// field; the draft holds NaN for a text that is not a whole number (the form says "phải là số").
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Draft } from './draft.ts';
import { NumberField, parseCount } from './fields.tsx';

function mount() {
  const out: { draft: Draft; setFromOutside?: (value: number | undefined) => void } = { draft: {} };
  function Form() {
    const [draft, setDraft] = useState<Draft>({});
    out.draft = draft;
    out.setFromOutside = (value) => setDraft({ ...draft, menCount: value });
    return <NumberField form={{ draft, set: (path, value) => setDraft((d) => ({ ...d, [path]: value })), errors: new Map() }} path="menCount" label="Số nam" />;
  }
  const root = document.createElement('div');
  document.body.append(root);
  render(<Form />, root);
  const input = root.querySelector('input')!;
  const type = async (text: string) =>
    act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  return { out, input, type };
}

describe('the count field', () => {
  it.each([
    ['1a2', Number.NaN],
    ['12,5', Number.NaN],
    ['-5', Number.NaN],
    ['1.000', 1000],
    ['42', 42],
    ['', undefined],
  ])('keeps "%s" as typed, and the draft holds %s', async (typed, expected) => {
    const { out, input, type } = mount();
    await type(typed);
    expect(input.value).toBe(typed);
    expect(out.draft.menCount).toBe(expected);
  });

  it('shows a value set from outside the field (a draft reopened)', async () => {
    const { out, input, type } = mount();
    await type('1a2');
    await act(() => out.setFromOutside?.(17));
    expect(input.value).toBe('17');
  });

  it('reads digits with thousands dots or spaces, and nothing else, as a count', () => {
    expect([parseCount('1 000'), parseCount('7'), parseCount(' '), parseCount('7e2'), parseCount('0x1')]).toEqual([1000, 7, undefined, Number.NaN, Number.NaN]);
  });
});
