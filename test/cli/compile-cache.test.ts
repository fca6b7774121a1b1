import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "./run-cli.js";

// Runs `erguard --version` with XDG_CACHE_HOME set; the timeout only bounds a run that hangs.
function versionWithCacheHome(cacheHome: string) {
  return spawnSync(process.execPath, [CLI, "--version"], {
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", XDG_CACHE_HOME: cacheHome },
    timeout: 60_000,
  });
}

describe("the compile cache", () => {
  it("keeps the compiled modules in the user's cache directory", () => {
    const home = mkdtempSync(join(tmpdir(), "erguard-xdg-"));
    const r = versionWithCacheHome(home);
    expect(r.status).toBe(0);
    const dir = join(home, "erguard", "node-compile-cache");
    const versions = readdirSync(dir);
    expect(versions.length).toBe(1);
    expect(readdirSync(join(dir, versions[0]!)).length).toBeGreaterThan(5);
  });

  it("runs without a cache where the directory cannot be made", () => {
    const file = join(mkdtempSync(join(tmpdir(), "erguard-xdg-")), "a-file");
    writeFileSync(file, "");
    const r = versionWithCacheHome(file);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.stderr).toBe("");
  });

  // Node's recursive mkdir spins forever there; erguard must start anyway.
  it.skipIf(process.platform !== "linux")("runs without a cache below /proc, where mkdir fails with ENOENT", () => {
    const r = versionWithCacheHome("/proc/erguard-no-such-dir");
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });
});
