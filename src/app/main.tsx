import { render } from 'preact';
import { App } from './App.tsx';
import { captureInstallPrompt } from './install/installEvents.ts';
import { registerServiceWorker } from './sw-bridge.tsx';
import './styles.css';

captureInstallPrompt();
render(<App />, document.getElementById('app')!);
registerServiceWorker();
