/** The reader process when run from the sources (tests, `npm run fuzz`): `node --import tsx`. */
import { serveReads } from './reader';

serveReads();
