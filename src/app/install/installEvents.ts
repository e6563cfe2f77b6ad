// Catches Chromium's install offer (beforeinstallprompt) as early as the page loads, so the
// app can show it later at a better moment: after the first record is saved.

/** Chromium's event; not in TypeScript's DOM library. */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: InstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

export function captureInstallPrompt(target: Window = window): void {
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    changed();
  });
  target.addEventListener('appinstalled', () => {
    deferred = null;
    changed();
  });
}

export const installPrompt = {
  available: () => deferred !== null,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** Shows the browser's own install dialog; the event can be used once. */
  async show(): Promise<boolean> {
    const event = deferred;
    if (!event) return false;
    deferred = null;
    changed();
    await event.prompt();
    return (await event.userChoice).outcome === 'accepted';
  },
};

/** iPhone and iPad Safari install by hand (Share → Add to Home Screen); an iPad says it is a Mac. */
export function isIos(nav: Navigator = navigator): boolean {
  return /iPhone|iPad|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
}

export function isInstalled(win: Window = window): boolean {
  return (win.navigator as Navigator & { standalone?: boolean }).standalone === true || win.matchMedia('(display-mode: standalone)').matches;
}
