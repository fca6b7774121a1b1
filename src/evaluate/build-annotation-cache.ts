// The build step that parses the built-in bundle's METADATA blocks ahead of time:
//   node dist/evaluate/build-annotation-cache.js   (part of npm run build)
import { writeAnnotationCache } from "./annotation-cache.js";
import { BUILTIN_POLICY_DIR } from "./bundle.js";

const n = await writeAnnotationCache([BUILTIN_POLICY_DIR]);
process.stdout.write(`annotation cache: ${n} METADATA blocks\n`);
