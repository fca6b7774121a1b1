// The build step that parses the built-in bundle ahead of time:
//   node dist/evaluate/build-bundle-cache.js   (part of npm run build)
import { writeBundleCache } from "./bundle-cache.js";
import { BUILTIN_POLICY_DIR } from "./bundle.js";

const n = await writeBundleCache(BUILTIN_POLICY_DIR);
process.stdout.write(`bundle cache: ${n.modules} modules, ${n.annotations} METADATA blocks, ${n.dataFiles} data files\n`);
