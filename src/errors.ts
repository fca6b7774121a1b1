// Errors of erguard's stages (collect, snapshot, evaluate, report). Each carries a code and,
// where there is one, the place in the input that caused it. Only the CLI turns them into
// messages and exit codes; the stages never print or exit.

export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export type ErguardErrorCode =
  | "bad_input" // a file that is not what it should be (not JSON, not a template, wrong schema)
  | "bad_config" // erguard.yaml or a command-line option
  | "not_found" // a file or directory that does not exist
  | "unsupported" // an input erguard recognises but cannot handle (a linked template URL)
  | "collection_failed" // Azure said no, or the collection is incomplete
  | "policy_error" // a policy failed to load or evaluate
  | "interrupted"; // Ctrl-C

export class ErguardError extends Error {
  readonly code: ErguardErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: ErguardErrorCode, message: string, location?: SourceLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ErguardError";
    this.code = code;
    this.location = location;
  }
}

export function describeLocation(loc: SourceLocation | undefined): string {
  if (!loc) return "";
  return loc.line !== undefined ? `${loc.file}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ""}` : loc.file;
}
