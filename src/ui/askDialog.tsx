/** A modal question mounted on its own root, so any view (or an export action) can ask it. */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders the dialog `render` gives and resolves with the user's answer (null: cancelled). */
export function askDialog<T>(
  render: (done: (answer: T | null) => void) => ReactNode,
): Promise<T | null> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const done = (answer: T | null) => {
      root.unmount();
      host.remove();
      resolve(answer);
    };
    root.render(render(done));
  });
}
