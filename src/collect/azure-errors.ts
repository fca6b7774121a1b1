// What a failed Azure call becomes in the snapshot's source.errors: Azure's own error code
// (AuthorizationFailed, SubscriptionNotFound, …) or the HTTP status, and its message.

import { isRestError } from "@azure/core-rest-pipeline";
import { ErguardError } from "../errors.js";
import type { CollectionError } from "../snapshot/types.js";

export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly status?: number;
}

export function failureOf(err: unknown): Failure {
  if (isRestError(err)) {
    const status = err.statusCode;
    const code = err.code ?? (status === undefined ? "request_failed" : `http_${status}`);
    return status === undefined ? { code, message: err.message } : { code, message: err.message, status };
  }
  if (err instanceof ErguardError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: err.name === "AbortError" ? "timeout" : "request_failed", message: err.message };
  return { code: "request_failed", message: String(err) };
}

export function collectionError(scope: string, failure: Failure): CollectionError {
  return { scope, code: failure.code, message: failure.message };
}

// Ctrl-C: the caller's signal, not a failure of Azure's.
export function throwIfInterrupted(signal: AbortSignal | undefined, cause?: unknown): void {
  if (signal?.aborted) throw new ErguardError("interrupted", "interrupted", undefined, cause === undefined ? undefined : { cause });
}
