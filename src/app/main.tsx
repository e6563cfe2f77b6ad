import { render } from 'preact';
import { App } from './App.tsx';
import { registerServiceWorker } from './sw-bridge.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);
registerServiceWorker();
