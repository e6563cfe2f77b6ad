// Sealed text: the free-text parts of a violence case (its notes) as they rest in IndexedDB,
// AES-GCM under the vault's data key with a fresh 96-bit IV each time, bound to the record's id
// (so a sealed note cannot be moved to another record). They are opened in memory only, to
// show them or to send them.

export interface SealedText {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** The vault is locked: sensitive text can be neither sealed nor opened. */
export class VaultLockedError extends Error {
  constructor() {
    super('the vault is locked');
    this.name = 'VaultLockedError';
  }
}

const bound = (recordId: string) => new TextEncoder().encode(recordId) as BufferSource;

export async function sealText(key: CryptoKey, recordId: string, text: string): Promise<SealedText> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: bound(recordId) }, key, new TextEncoder().encode(text));
  return { iv, data };
}

export async function openText(key: CryptoKey, recordId: string, sealed: SealedText): Promise<string> {
  const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource, additionalData: bound(recordId) }, key, sealed.data);
  return new TextDecoder().decode(plain);
}

/** Moves `notes` out of a value into sealed text; a value without notes needs no key. */
export async function sealNotes<T extends object>(
  key: CryptoKey | undefined,
  recordId: string,
  value: T,
): Promise<{ value: Omit<T, 'notes'>; sealed?: SealedText }> {
  const { notes, ...rest } = value as T & { notes?: unknown };
  if (typeof notes !== 'string' || notes === '') return { value: rest };
  if (!key) throw new VaultLockedError();
  return { value: rest, sealed: await sealText(key, recordId, notes) };
}

/** The value with its notes back in, for memory only. */
export async function openNotes<T extends object>(key: CryptoKey | undefined, recordId: string, value: T, sealed: SealedText | undefined): Promise<T & { notes?: string }> {
  if (!sealed) return value;
  if (!key) throw new VaultLockedError();
  return { ...value, notes: await openText(key, recordId, sealed) };
}
