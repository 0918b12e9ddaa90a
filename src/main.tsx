/** Planbook — Sổ kế hoạch vốn. GPL-3.0-or-later. */
import { createRoot } from 'react-dom/client';
import { PlanbookApp } from './app/services';
import { flushWrites } from './app/session';
import { App } from './ui/App';
import './ui/styles.css';

const app = new PlanbookApp();
// an edit made just before a reload or a closed tab starts its write at once instead of a task later
window.addEventListener('pagehide', flushWrites);
(window as unknown as { __planbook: PlanbookApp }).__planbook = app;
void app.ensureSample().finally(() => {
  createRoot(document.getElementById('root')!).render(<App app={app} />);
});
