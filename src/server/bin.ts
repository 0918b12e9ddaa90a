/** `npm run server -- <serve|token|account|audit> …`: the collaboration server from source. */
import { serverMain } from './main';

const argv = process.argv.slice(2);
process.exitCode = await serverMain(argv.length ? argv : ['serve']);
