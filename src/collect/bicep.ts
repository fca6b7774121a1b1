// Bicep files are compiled to the ARM JSON erguard reads, by the `bicep` CLI or `az bicep`
// when one is on PATH. Without either, the user is told how to compile it themselves.

import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { ErguardError } from "../errors.js";

const BUILD_TIMEOUT_MS = 120_000;

export async function compileBicep(path: string, displayPath: string): Promise<string> {
  const bicep = await onPath("bicep");
  const az = bicep === undefined ? await onPath("az") : undefined;
  if (bicep === undefined && az === undefined) {
    throw new ErguardError(
      "unsupported",
      `this is a Bicep file and no bicep or az executable is on PATH: run \`az bicep build --file ${displayPath}\` (or \`bicep build ${displayPath}\`) and give erguard the .json it writes`,
      { file: displayPath },
    );
  }
  const [command, args] = bicep !== undefined ? [bicep, ["build", path, "--stdout"]] : [az as string, ["bicep", "build", "--file", path, "--stdout"]];
  return await new Promise<string>((resolvePromise, reject) => {
    execFile(command, args, { timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (err === null) {
        resolvePromise(stdout);
        return;
      }
      const detail = (stderr.trim().split("\n").find((l) => /error/i.test(l)) ?? stderr.trim().split("\n")[0] ?? err.message).trim();
      reject(new ErguardError("bad_input", `bicep build failed: ${detail || err.message}`, { file: displayPath }, { cause: err }));
    });
  });
}

// The line of `resource <symbolicName> '…'` in a Bicep file, for origins of compiled resources.
export function bicepDeclarationLine(bicepText: string, symbolicName: string): number | undefined {
  const base = symbolicName.replace(/\[\d+\]$/, "");
  const m = new RegExp(`^[ \\t]*resource[ \\t]+${base.replace(/[^A-Za-z0-9_]/g, "")}[ \\t]+'`, "m").exec(bicepText);
  return m === null ? undefined : bicepText.slice(0, m.index).split("\n").length;
}

async function onPath(name: string): Promise<string | undefined> {
  const names = process.platform === "win32" ? [`${name}.exe`, `${name}.cmd`] : [name];
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const n of names) {
      const candidate = join(dir, n);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
