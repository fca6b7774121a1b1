#!/usr/bin/env node
// erguard's entry point: turns on Node's compile cache (compile-cache.ts) before any other
// module loads, then runs the command line (program.ts). A PR-gate scan of one template
// starts some 40-50 ms sooner for it (measured with and without NODE_DISABLE_COMPILE_CACHE).

import { enableCompileCache } from "./compile-cache.js";

enableCompileCache();
await import("./program.js");
