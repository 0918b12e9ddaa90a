/**
 * The checks panel's place beside the grid: resized by dragging (or the arrow keys on) its left
 * edge, collapsed to a narrow strip and opened again; width and state remembered in this browser.
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useLang } from './i18n';
import './work.css';

const WIDTH_KEY = 'pb.checksWidth';
const COLLAPSED_KEY = 'pb.checksCollapsed';
/** Bounds of the panel's width (px). */
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 720;
const DEFAULT_WIDTH = 300;

/** A remembered width, kept within bounds (a bad or missing value: the default). */
export function clampWidth(v: unknown): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_WIDTH;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, n)));
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, v: string): void {
  try {
    localStorage.setItem(key, v);
  } catch {
    // preferences are a comfort: a browser refusing them changes nothing else
  }
}

export function ChecksDock({ count, children }: { count: number; children: ReactNode }) {
  const { t } = useLang();
  const [width, setWidth] = useState(() => clampWidth(read(WIDTH_KEY)));
  const [collapsed, setCollapsed] = useState(() => read(COLLAPSED_KEY) === '1');
  const drag = useRef<{ x: number; w: number } | null>(null);
  useEffect(() => write(WIDTH_KEY, String(width)), [width]);
  useEffect(() => write(COLLAPSED_KEY, collapsed ? '1' : '0'), [collapsed]);
  const onMove = useCallback((e: PointerEvent) => {
    const d = drag.current;
    if (d) setWidth(clampWidth(d.w + d.x - e.clientX));
  }, []);
  const onUp = useCallback(() => {
    drag.current = null;
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
  }, [onMove]);
  useEffect(() => onUp, [onUp]);
  if (collapsed)
    return (
      <div className="pb-checks-strip" data-testid="checks-strip">
        <button
          type="button"
          title={t('checksExpand')}
          aria-label={t('checksExpand')}
          data-testid="checks-expand"
          onClick={() => setCollapsed(false)}
        >
          ◀
        </button>
        <span>
          {t('checks')} ({count})
        </span>
      </div>
    );
  return (
    <div className="pb-checks-dock" style={{ width }} data-testid="checks-dock">
      <div
        className="pb-checks-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('checksResize')}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        data-testid="checks-resize"
        onPointerDown={(e) => {
          e.preventDefault();
          drag.current = { x: e.clientX, w: width };
          window.addEventListener('pointermove', onMove);
          window.addEventListener('pointerup', onUp);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') setWidth((w) => clampWidth(w + 20));
          else if (e.key === 'ArrowRight') setWidth((w) => clampWidth(w - 20));
        }}
      />
      <button
        type="button"
        className="pb-checks-collapse"
        title={t('checksCollapse')}
        aria-label={t('checksCollapse')}
        data-testid="checks-collapse"
        onClick={() => setCollapsed(true)}
      >
        ▶
      </button>
      {children}
    </div>
  );
}
