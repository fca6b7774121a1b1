import type { Location } from "./location.js";

// OPA's error codes. Compile errors stop a module from loading; eval errors stop a query.
export type RegoErrorCode =
  | "rego_parse_error"
  | "rego_compile_error"
  | "rego_type_error"
  | "rego_unsafe_var_error"
  | "rego_recursion_error"
  | "eval_conflict_error"
  | "eval_type_error"
  | "eval_builtin_error"
  | "eval_cancel_error"
  | "eval_halt_error";

export interface RegoErrorDetail {
  readonly code: RegoErrorCode;
  readonly message: string;
  readonly location?: Location;
}

// An error of the engine. `message` reads like OPA's ("x.rego:3: rego_unsafe_var_error: var
// x is unsafe"); `errors` holds each error when a compile stage found several.
export class RegoError extends Error {
  readonly code: RegoErrorCode;
  readonly location: Location | undefined;
  readonly errors: readonly RegoErrorDetail[];

  constructor(code: RegoErrorCode, message: string, location?: Location, errors?: readonly RegoErrorDetail[]) {
    const details = errors ?? [{ code, message, location }];
    super(RegoError.describe(details));
    this.name = "RegoError";
    this.code = code;
    this.location = location;
    this.errors = details;
  }

  static describe(errors: readonly RegoErrorDetail[]): string {
    const one = (e: RegoErrorDetail) =>
      (e.location ? `${e.location.file}:${e.location.row}: ` : "") + `${e.code}: ${e.message}`;
    if (errors.length === 1) return one(errors[0]!);
    return `${errors.length} errors occurred:\n${errors.map(one).join("\n")}`;
  }

  static of(errors: readonly RegoErrorDetail[]): RegoError {
    const first = errors[0]!;
    return new RegoError(first.code, first.message, first.location, errors);
  }
}
