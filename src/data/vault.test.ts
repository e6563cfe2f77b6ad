// The PIN vault over fake-indexeddb: the PIN opens it, a wrong PIN does not, and what rests
// in IndexedDB never holds the data key unwrapped.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createStore, entries } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { idbPhoneStore } from './phone.ts';
import { openText, sealText } from './sealed.ts';
import { createVault, openVault } from './vault.ts';

// Few rounds keep the tests quick; the app uses PBKDF2_ITERATIONS.
const ROUNDS = 1000;

describe('the vault', () => {
  it('opens with the PIN it was made with and gives the same data key', async () => {
    const { record, key } = await createVault('2580', ROUNDS);
    const sealed = await sealText(key, 'record-1', 'Ghi chú');
    const reopened = await openVault(record, '2580');
    expect(reopened).toBeDefined();
    expect(await openText(reopened!, 'record-1', sealed)).toBe('Ghi chú');
  });

  it('does not open with a wrong PIN', async () => {
    const { record } = await createVault('2580', ROUNDS);
    expect(await openVault(record, '2581')).toBeUndefined();
    expect(await openVault(record, '0000')).toBeUndefined();
  });

  it('hands out a data key that cannot be exported', async () => {
    const { key } = await createVault('2580', ROUNDS);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('stores only the wrapped key, a salt and the rounds: no stored value decrypts without the PIN', async () => {
    const store = createStore(`device-${randomUUID()}`, 'values');
    const phone = idbPhoneStore(store);
    const { record, key } = await createVault('2580', ROUNDS);
    await phone.setVault('tdp1', record);
    const sealed = await sealText(key, 'record-1', 'Bí mật');
    // Every byte string stored, tried as a raw AES key, opens nothing.
    const stored = await entries(store);
    const blobs = stored.flatMap(([, value]) => Object.values(value as object)).filter((v): v is ArrayBuffer | Uint8Array => v instanceof ArrayBuffer || v instanceof Uint8Array);
    expect(blobs.length).toBeGreaterThanOrEqual(3);
    for (const blob of blobs) {
      const bytes = new Uint8Array(blob instanceof ArrayBuffer ? blob : blob.buffer);
      if (bytes.length !== 32) continue;
      const candidate = await crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, ['decrypt']);
      await expect(openText(candidate, 'record-1', sealed)).rejects.toThrow();
    }
    expect((await phone.vault('tdp1'))!.iterations).toBe(ROUNDS);
    // Two vaults of the same PIN share neither salt nor wrapped key.
    const other = await createVault('2580', ROUNDS);
    expect(Buffer.from(other.record.salt).equals(Buffer.from(record.salt))).toBe(false);
    expect(Buffer.from(other.record.wrappedKey).equals(Buffer.from(record.wrappedKey))).toBe(false);
  });
});

describe('sealed text', () => {
  it('differs each time the same text is sealed (a fresh 96-bit IV)', async () => {
    const { key } = await createVault('2580', ROUNDS);
    const a = await sealText(key, 'r', 'Cùng một ghi chú');
    const b = await sealText(key, 'r', 'Cùng một ghi chú');
    expect(a.iv).toHaveLength(12);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
  });

  it('opens only under the record it was sealed for', async () => {
    const { key } = await createVault('2580', ROUNDS);
    const sealed = await sealText(key, 'record-1', 'Ghi chú');
    await expect(openText(key, 'record-2', sealed)).rejects.toThrow();
  });
});
