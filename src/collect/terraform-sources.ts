// Where a Terraform resource is declared. A plan's `configuration` names modules and their
// sources but carries no file positions, so the .tf files beside the plan (the root module a
// plan is made in) and those of local module sources ("./modules/hub") are searched for the
// `resource "type" "name"` block. Remote modules and plans copied away from their
// configuration are not found; the origin then points into the plan itself.

import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { JsonObject } from "./json-value.js";
import { moduleCallChain } from "./terraform-config.js";

export interface Declaration {
  readonly file: string; // absolute
  readonly line: number;
}

export class TerraformSources {
  private readonly files = new Map<string, Promise<readonly { path: string; text: string }[]>>();

  constructor(
    private readonly planPath: string,
    private readonly configuration: JsonObject | undefined,
  ) {}

  async locate(moduleAddress: string | undefined, type: string, name: string): Promise<Declaration | undefined> {
    const directory = this.moduleDirectory(moduleAddress);
    if (directory === undefined) return undefined;
    const pattern = new RegExp(`^[ \\t]*resource[ \\t]+"${escape(type)}"[ \\t]+"${escape(name)}"`, "m");
    for (const { path, text } of await this.tfFiles(directory)) {
      const m = pattern.exec(text);
      if (m !== null) return { file: path, line: text.slice(0, m.index).split("\n").length };
    }
    return undefined;
  }

  // module.hub.module.subnets → the directory of that module, when every source is local.
  private moduleDirectory(moduleAddress: string | undefined): string | undefined {
    let directory = dirname(resolve(this.planPath));
    const chain = moduleCallChain(this.configuration, moduleAddress);
    if (chain === undefined) return undefined;
    for (const call of chain) {
      const source = call["source"];
      if (typeof source !== "string" || !/^\.\.?\//.test(source)) return undefined;
      directory = resolve(directory, source);
    }
    return directory;
  }

  private tfFiles(directory: string): Promise<readonly { path: string; text: string }[]> {
    let cached = this.files.get(directory);
    if (cached === undefined) {
      cached = readdir(directory)
        .then((names) =>
          Promise.all(
            names
              .filter((n) => n.endsWith(".tf"))
              .sort()
              .map(async (n) => ({ path: join(directory, n), text: await readFile(join(directory, n), "utf8") })),
          ),
        )
        .catch(() => []);
      this.files.set(directory, cached);
    }
    return cached;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
