/** The user's history carried across a change of the submissions in force (`rebaseCommand`). */
import { describe, expect, it } from 'vitest';
import { rebaseCommand } from './consolidateEdits';

describe('a history step across a reception or a removal', () => {
  const rekey = new Map([
    ['s1/p1', 's2/p1'],
    ['s1/p2', 's2/p9'],
  ]);
  const gone = (k: string) => k.startsWith('s3/');

  it('follows the projects carried to the new submission', () => {
    expect(
      rebaseCommand({ type: 'setProposed', key: 's1/p1', column: 'c', value: 5 }, rekey, gone),
    ).toEqual({ type: 'setProposed', key: 's2/p1', column: 'c', value: 5 });
    // a pair re-keyed, sorted again, the project kept re-keyed too
    expect(
      rebaseCommand(
        { type: 'resolve', pair: 'a/x|s1/p2', resolution: { kind: 'keep', keep: 's1/p2' } },
        rekey,
        gone,
      ),
    ).toEqual({ type: 'resolve', pair: 'a/x|s2/p9', resolution: { kind: 'keep', keep: 's2/p9' } });
    expect(rebaseCommand({ type: 'setGrouping', grouping: 'unit' }, rekey, gone)).toEqual({
      type: 'setGrouping',
      grouping: 'unit',
    });
  });

  it('drops what only touched a removed submission’s projects', () => {
    expect(
      rebaseCommand({ type: 'setProposed', key: 's3/p1', column: 'c', value: 5 }, rekey, gone),
    ).toBeNull();
    expect(
      rebaseCommand({ type: 'resolve', pair: 'a/x|s3/p1', resolution: null }, rekey, gone),
    ).toBeNull();
    expect(
      rebaseCommand(
        {
          type: 'batch',
          commands: [
            { type: 'setProposed', key: 's3/p1', column: 'c', value: 5 },
            { type: 'setProposed', key: 's1/p1', column: 'c', value: null },
          ],
        },
        rekey,
        gone,
      ),
    ).toEqual({
      type: 'batch',
      commands: [{ type: 'setProposed', key: 's2/p1', column: 'c', value: null }],
    });
    expect(
      rebaseCommand(
        { type: 'batch', commands: [{ type: 'setProposed', key: 's3/p', column: 'c', value: 1 }] },
        rekey,
        gone,
      ),
    ).toBeNull();
  });
});
