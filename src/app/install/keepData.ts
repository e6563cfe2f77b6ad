// Asks the browser not to clear this app's storage when the phone runs short of space, so
// records that wait to be sent are not evicted. Chromium grants it to installed or often
// used apps without a question; installing is what protects the data on an iPhone.
export async function askToKeepData(storage: StorageManager | undefined = navigator.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
