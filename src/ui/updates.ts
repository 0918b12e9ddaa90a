/**
 * Updates of the installed app: the service worker precaches a new build and waits; the page shows
 * a prompt, and on the user's word every pending edit is written before the page reloads.
 */
import { useSyncExternalStore } from 'react';
import { flushWrites, unsavedWrites } from '../app/session';

type Apply = () => Promise<void>;

let ready: Apply | null = null;
const listeners = new Set<() => void>();

/** Called by the service worker registration when a new build waits (`apply` activates it). */
export function updateReady(apply: Apply): void {
  ready = apply;
  for (const l of listeners) l();
}

/** Resolves once no edit is waiting to be written (at most `ms` later). */
export async function writesDone(ms = 10_000): Promise<void> {
  flushWrites();
  for (const end = Date.now() + ms; unsavedWrites() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 25));
}

/** Reloads the page once every pending edit is written (the new build then takes over). */
export async function reloadWhenSaved(): Promise<void> {
  await writesDone();
  window.location.reload();
}

/** The waiting update's apply function, or null (re-renders when one arrives). */
export function useUpdate(): Apply | null {
  return useSyncExternalStore(
    (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
    () => ready,
  );
}
