// How errors reach the user: one message with its location, never a stack trace (unless
// ERGUARD_DEBUG is set), and exit code 2.

import { ErguardError, describeLocation } from "../errors.js";
import { RegoError } from "../rego/errors.js";

export function formatError(err: unknown): string {
  if (err instanceof ErguardError) {
    const where = describeLocation(err.location);
    return `erguard: ${where ? where + ": " : ""}${err.message}`;
  }
  if (err instanceof RegoError) {
    // file:line:column: code: message, one line per error.
    return err.errors
      .map((e) => `erguard: ${e.location ? `${e.location.file}:${e.location.row}:${e.location.col}: ` : ""}${e.code}: ${e.message}`)
      .join("\n");
  }
  const debug = process.env["ERGUARD_DEBUG"];
  if (err instanceof Error) {
    return `erguard: internal error: ${err.message}${debug && err.stack ? "\n" + err.stack : "\n(set ERGUARD_DEBUG=1 for details)"}`;
  }
  return `erguard: internal error: ${String(err)}`;
}

export function exitCodeFor(_err: unknown): number {
  return 2;
}
