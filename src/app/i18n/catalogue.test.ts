import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi } from './vi.ts';
import { provinceEn } from './province.en.ts';
import { provinceVi } from './province.vi.ts';

/** Every leaf of a catalogue as "section.key" → text. */
function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

describe('the catalogues', () => {
  // The province screen's catalogue travels in its own chunk; it is checked as part of the whole.
  const viLeaves = leaves({ ...vi, province: provinceVi });
  const enLeaves = leaves({ ...en, province: provinceEn });

  it('have the same keys in Vietnamese and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [catalogue, entries] of [
      ['vi', viLeaves],
      ['en', enLeaves],
    ] as const) {
      const empty = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => `${catalogue}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('are in NFC, as typed text is stored', () => {
    const notNfc = [...viLeaves].filter(([, value]) => typeof value === 'string' && value !== value.normalize('NFC')).map(([key]) => key);
    expect(notNfc).toEqual([]);
  });
});
