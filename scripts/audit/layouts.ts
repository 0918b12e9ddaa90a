/**
 * The audited corpus in layout variants (see src/cli/audit/layouts.ts): prints every variant whose
 * errors differ from the published sheet's.   npx tsx scripts/audit/layouts.ts [--open] [variant-words…]
 */
import { layoutVariants } from '../../src/cli/audit/layouts';

// optional: only the variants whose name holds one of the arguments
const which = process.argv.slice(2).filter((x) => x !== '--open');
const open = process.argv.includes('--open'); // the layouts not yet read the same
const r = layoutVariants(undefined, which.length ? which : undefined, open);
for (const c of r.changed) console.log(c);
for (const [name, t] of Object.entries(r.byVariant))
  console.log(`  ${name}: ${t.same}/${t.variants}`);
console.log(`${r.variants} sheet variants: ${r.same} say the same as the sheet as published`);
