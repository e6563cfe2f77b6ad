// What rests on the phone, as text: the suites look for plaintext that must not be there.

/** Every value of every IndexedDB database of the page as text, binary values byte by byte (runs in the page). */
export async function dumpIndexedDb(): Promise<string> {
  const dump: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
      });
      dump.push({ db: info.name, store: name, rows });
    }
    db.close();
  }
  const bytes = (value: ArrayBuffer | ArrayBufferView) =>
    Array.from(value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength), (b) =>
      String.fromCharCode(b),
    ).join('');
  return JSON.stringify(dump, (_, value: unknown) => (value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? bytes(value) : value));
}
