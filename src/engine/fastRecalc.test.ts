/**
 * The faster recalculation order (fastRecalc.ts) is put in place by the first engine built, not
 * when the engine's configuration is imported (which built and destroyed an empty engine).
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it, vi } from 'vitest';

describe('fastRecalc: installed by the first engine built', () => {
  it('builds no engine at import; the first engine built puts the order in place', async () => {
    const built = vi.spyOn(HyperFormula, 'buildEmpty');
    const { ENGINE_CONFIG } = await import('./config');
    const { fastRecalc } = await import('./fastRecalc');
    expect(built).not.toHaveBeenCalled();
    expect(fastRecalc()).toBeUndefined();
    const hf = HyperFormula.buildFromSheets({ s: [[1, '=A1+1']] }, { ...ENGINE_CONFIG });
    expect(fastRecalc()).toBe(true);
    const graph = (hf as unknown as { dependencyGraph: { graph: object } }).dependencyGraph.graph;
    expect((Object.getPrototypeOf(graph) as { __planbookSort?: true }).__planbookSort).toBe(true);
    // the builders are HyperFormula's own again, and every engine recalculates as before
    expect(HyperFormula.buildFromSheets.name).toBe('buildFromSheets');
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 41);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(42);
    built.mockRestore();
  });
});
