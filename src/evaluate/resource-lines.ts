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
        // A string: skip to its closing quote with indexOf, remembering it as a possible key.
        // (JSON strings hold no raw line breaks, so no line is skipped.)
        const start = i + 1;
        let end = text.indexOf('"', start);
        while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
        i = end < 0 ? n : end;
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

// Whether the quote at `at` is escaped: an odd number of backslashes precede it.
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
  return backslashes % 2 === 1;
}
