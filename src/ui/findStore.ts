/**
 * The find bar's state of one open workbook, kept apart from the views: switching from an
 * appendix to a plain sheet (another view component) keeps the bar open with its query and
 * current hit, and the view that shows the hit's sheet takes the jump to it.
 */
import type { GridApi } from 'ag-grid-community';
import { type RefObject, useSyncExternalStore } from 'react';
import type { FindHit } from '../domain/find';
import type { GridCtx, GridItem } from './grid/gridContext';

/**
 * What the find bar shows: open or not, the query, the hit the user is on; with Ctrl+H the
 * replace field, its options and what the last replacement did.
 */
export interface FindShared {
  open: boolean;
  query: string;
  current: FindHit | null;
  /** The replace row is shown (Ctrl+H, the "Thay thế" toggle). */
  replace: boolean;
  replacement: string;
  matchCase: boolean;
  wholeCell: boolean;
  /** What the last replacement did, as said in the bar (cleared when the query changes). */
  said: string;
}

/** The grid and the find field of the view on screen (the one a jump lands in). */
export interface FindTarget {
  apiRef: RefObject<GridApi<GridItem> | null>;
  ctxRef: RefObject<GridCtx | null>;
  input: RefObject<HTMLInputElement | null>;
}

/** One workbook's find state, with the view currently on screen. */
export class FindStore {
  private state: FindShared = {
    open: false,
    query: '',
    current: null,
    replace: false,
    replacement: '',
    matchCase: false,
    wholeCell: false,
    said: '',
  };
  private readonly listeners = new Set<() => void>();
  /** The view on screen (set on mount, cleared on unmount). */
  target: FindTarget | null = null;

  get = (): FindShared => this.state;

  subscribe = (f: () => void): (() => void) => {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  };

  /** Changes part of the state and tells the views. */
  set(patch: Partial<FindShared>): void {
    this.state = { ...this.state, ...patch };
    for (const f of this.listeners) f();
  }
}

const stores = new WeakMap<object, FindStore>();

/** The find store of an open workbook (its session), made on first use. */
export function findStoreOf(session: object): FindStore {
  let s = stores.get(session);
  if (!s) stores.set(session, (s = new FindStore()));
  return s;
}

/** The find state of an open workbook, re-rendering when it changes. */
export function useFindShared(store: FindStore): FindShared {
  return useSyncExternalStore(store.subscribe, store.get);
}
