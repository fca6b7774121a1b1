// erguard policy docs --out docs/rules: writes one Markdown page per rule and an index, and
// removes pages it generated earlier for rules that no longer exist.
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { BUILTIN_POLICY_DIR, builtinBundle, loadBundles, userBundle } from "../evaluate/bundle.js";
import { RULE_DOC_MARKER, renderRuleDocs, ruleDocs } from "../evaluate/rule-docs.js";
import type { PolicyDocsCliOptions } from "./policy.js";

export async function runPolicyDocsCommand(opts: PolicyDocsCliOptions): Promise<number> {
  const bundle = await loadBundles([builtinBundle(), ...opts.policy.map(userBundle)]);
  const pages = renderRuleDocs(ruleDocs(bundle), dirname(BUILTIN_POLICY_DIR));
  await mkdir(opts.out, { recursive: true });
  for (const name of await readdir(opts.out)) {
    if (!name.endsWith(".md") || pages.has(name)) continue;
    const text = await readFile(join(opts.out, name), "utf8");
    if (text.includes(RULE_DOC_MARKER)) await rm(join(opts.out, name));
  }
  for (const [name, text] of pages) await writeFile(join(opts.out, name), text);
  process.stderr.write(`erguard: wrote ${pages.size - 1} rule pages and an index to ${opts.out}\n`);
  return 0;
}
