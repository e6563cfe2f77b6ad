// The phone's vault: a random AES-GCM-256 data key that seals the sensitive text (case notes),
// stored only wrapped under a key derived from the user's PIN (PBKDF2-SHA-256, random salt).
// The PIN opens it offline; a wrong PIN fails AES-GCM's check and opens nothing. The data key
// exists unwrapped only in memory, as a non-extractable CryptoKey.

export interface VaultRecord {
  version: 1;
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrappedKey: ArrayBuffer;
}

/**
 * PBKDF2 rounds. `npm run bench:pin` (Chromium, with and without 4× CPU slowdown, which barely
 * slows WebCrypto): 310,000 rounds took about 0.12 s on this project's machines, so about 0.5–1 s
 * on a phone 4–8× slower. A PIN is short: the rounds slow guessing on a stolen copy, they do
 * not make a 4-digit PIN strong.
 */
export const PBKDF2_ITERATIONS = 310_000;

const subtle = () => globalThis.crypto.subtle;

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(pin.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

const random = (bytes: number) => globalThis.crypto.getRandomValues(new Uint8Array(bytes));

/** A new vault for this PIN: the record to store and the data key to use now. */
export async function createVault(pin: string, iterations = PBKDF2_ITERATIONS): Promise<{ record: VaultRecord; key: CryptoKey }> {
  const salt = random(16);
  const iv = random(12);
  const wrapping = await pinKey(pin, salt, iterations);
  // Extractable only for the moment it takes to wrap it; the key handed out is not.
  const fresh = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrappedKey = await subtle().wrapKey('raw', fresh, wrapping, { name: 'AES-GCM', iv: iv as BufferSource });
  const record: VaultRecord = { version: 1, salt, iterations, iv, wrappedKey };
  const key = await openVault(record, pin);
  if (!key) throw new Error('a new vault did not open');
  return { record, key };
}

/** The data key, or undefined when the PIN is wrong. */
export async function openVault(record: VaultRecord, pin: string): Promise<CryptoKey | undefined> {
  const wrapping = await pinKey(pin, record.salt, record.iterations);
  try {
    return await subtle().unwrapKey(
      'raw',
      record.wrappedKey,
      wrapping,
      { name: 'AES-GCM', iv: record.iv as BufferSource },
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return undefined;
  }
}
