// The line on which each element of a snapshot's top-level "resources" array begins, found
// by one linear pass over the text (no second parse): live findings point at that line in
// SARIF, which needs a physical location for every result.

export function resourceLines(text: string): Map<number, number> {
  const lines = new Map<number, number>();
  let line = 1;
  let depth = 0;
  let inResources = false; // inside the top-level "resources" array
  let index = 0;
  let pendingKey: string | undefined;
  let lastString: string | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 10: // \n
        line++;
        break;
      case 34: {
        // a string: skip it, remembering it as a possible key
        const start = i + 1;
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 92) i += 2;
          else if (d === 34) break;
          else {
            if (d === 10) line++;
            i++;
          }
        }
        lastString = depth === 1 ? text.slice(start, i) : undefined;
        break;
      }
      case 58: // ':' after a key at depth 1
        if (depth === 1) pendingKey = lastString;
        break;
      case 123: // {
      case 91: // [
        if (inResources && depth === 2) lines.set(index++, line);
        depth++;
        if (c === 91 && depth === 2 && pendingKey === "resources") inResources = true;
        break;
      case 125: // }
      case 93: // ]
        depth--;
        if (depth === 1 && c === 93 && inResources) inResources = false;
        if (depth === 1) pendingKey = undefined;
        break;
      default:
        if (inResources && depth === 2 && c !== 32 && c !== 44 && c !== 9 && c !== 13) {
          // a scalar element (not a valid resource, but keep the count right)
          lines.set(index++, line);
          while (i + 1 < n && !",]\n".includes(text[i + 1]!)) i++;
        }
    }
  }
  return lines;
}
