#!/usr/bin/env node
// erguard's entry point. It turns on Node's compile cache before any other module loads, then
// runs the command line (program.ts).
//
// The cache keeps V8's compiled code of every module erguard loads (some 280 of its own and
// its dependencies'), so later runs do not compile them again: a PR-gate scan of one template
// starts ~40 ms sooner. It lives in the user's cache directory rather than a shared temporary
// one, where another user could plant code. A directory that cannot be written only means no
// cache; NODE_COMPILE_CACHE and NODE_DISABLE_COMPILE_CACHE keep the meaning Node gives them.

import * as nodeModule from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

try {
  const cacheHome = process.env["XDG_CACHE_HOME"] || (process.platform === "win32" ? process.env["LOCALAPPDATA"] : undefined) || join(homedir(), ".cache");
  // Node 22.0 has no compile cache.
  nodeModule.enableCompileCache?.(join(cacheHome, "erguard", "node-compile-cache"));
} catch {
  // no home directory: run without the cache
}

await import("./program.js");
