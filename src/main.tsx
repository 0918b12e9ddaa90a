/** Planbook — Sổ kế hoạch vốn. GPL-3.0-or-later. */
import { createRoot } from 'react-dom/client';
import { PlanbookApp } from './app/services';
import { flushWrites, unsavedWrites } from './app/session';
import { askPersistence } from './app/persistence';
import { registerSW } from 'virtual:pwa-register';
import { App } from './ui/App';
import { reloadWhenSaved, updateReady } from './ui/updates';
import './ui/styles.css';

const app = new PlanbookApp();
// an edit made just before a reload or a closed tab starts its write at once instead of a task later
window.addEventListener('pagehide', flushWrites);
// and the browser asks before leaving while an edit is still being stored
window.addEventListener('beforeunload', (e) => {
  if (!unsavedWrites()) return;
  flushWrites();
  e.preventDefault();
});
(window as unknown as { __planbook: PlanbookApp }).__planbook = app;
// ask the browser not to evict the data (its answer is shown in Settings, never as a warning)
void askPersistence();
// the service worker: offline after the first visit; a new build waits for the user's word
const applyUpdate = registerSW({
  onNeedRefresh: () => updateReady(() => applyUpdate()),
  onNeedReload: () => void reloadWhenSaved(),
});
void app.ensureSample().finally(() => {
  createRoot(document.getElementById('root')!).render(<App app={app} />);
});
