/**
 * Entry point of the bundled reader process (dist-cli/planbook-reader.mjs): only what reading
 * needs, so that the process the command forks for its input starts in a fraction of the time the
 * whole command takes to load.
 */
import { serveReads } from './reader';
import { nativeInflate } from './readerMain';

nativeInflate();
serveReads();
