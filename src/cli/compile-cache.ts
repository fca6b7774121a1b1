// Node's compile cache for erguard's modules: V8 keeps the compiled code of every module a run
// loads (some 280 of erguard's and its dependencies'), so the next run does not compile them
// again. It lives in the user's cache directory rather than a shared temporary one, where
// another user could plant code. A directory that cannot be made or written only means no
// cache; NODE_COMPILE_CACHE and NODE_DISABLE_COMPILE_CACHE keep the meaning Node gives them.

import { existsSync, mkdirSync } from "node:fs";
import * as nodeModule from "node:module";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  try {
    const dir = join(cacheHome(env), "erguard", "node-compile-cache");
    makeDirectory(dir);
    // Node 22.0 has no compile cache.
    nodeModule.enableCompileCache?.(dir);
  } catch {
    // no home directory, or one we cannot write: run without the cache
  }
}

// XDG_CACHE_HOME if set (and absolute, as the XDG spec asks), else the platform's place.
function cacheHome(env: NodeJS.ProcessEnv): string {
  const xdg = env["XDG_CACHE_HOME"];
  if (xdg && isAbsolute(xdg)) return xdg;
  if (process.platform === "win32" && env["LOCALAPPDATA"]) return env["LOCALAPPDATA"];
  return join(homedir(), ".cache");
}

// mkdir -p one level at a time. Node's own recursive mkdir (which enableCompileCache uses for a
// missing directory) spins forever where mkdir fails with ENOENT under an existing parent, as
// it does below /proc; this one throws instead.
function makeDirectory(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}
