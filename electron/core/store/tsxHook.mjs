// Preloaded into the store worker when it runs from TypeScript sources. On Node 20, `--import tsx`
// registers its loader on the main thread only, so a worker must register it itself.
import { register } from 'tsx/esm/api';

register();
