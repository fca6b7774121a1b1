// How erguard behaves towards Azure's limits: a pipeline policy that replaces the SDK's default
// retry policy in every client of a collection.
// - Resource Graph grants each user a quota of queries per time window and says how much is
//   left on every response (x-ms-user-quota-remaining, x-ms-user-quota-resets-after); when it is
//   spent, the next request waits for the window to reset instead of being refused.
// - 429 (and 503) responses are retried after their Retry-After.
// - Transient failures (5xx, dropped connections, timed-out requests) are retried with
//   exponential backoff and jitter.
// - Every request has a bounded number of attempts and a bounded total time; after that the
//   last response (or error) goes back to the caller, which records the failure.

import { setTimeout as sleep } from "node:timers/promises";
import {
  isRestError,
  type HttpHeaders,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
  type SendRequest,
} from "@azure/core-rest-pipeline";

export interface RetryTuning {
  // Attempts of one request that fail (5xx, dropped connections, timeouts).
  readonly maxAttempts: number;
  // Throttled answers (429, or 503 with Retry-After) one request may wait out; they say
  // "later", not "broken", so they get more room, within the budget.
  readonly maxThrottledRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  // One attempt that takes longer than this is abandoned and retried.
  readonly requestTimeoutMs: number;
  // The longest one request may take, retries and waits included.
  readonly budgetMs: number;
}

export const DEFAULT_RETRY: RetryTuning = {
  maxAttempts: 8,
  maxThrottledRetries: 30,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  requestTimeoutMs: 120_000,
  budgetMs: 15 * 60_000,
};

export type TrafficEvent =
  | { readonly kind: "request" }
  | { readonly kind: "wait"; readonly ms: number; readonly reason: "quota" | "throttled" }
  | { readonly kind: "retry"; readonly ms: number; readonly attempt: number; readonly reason: string }
  | { readonly kind: "give-up"; readonly attempts: number; readonly reason: string };

export const RETRY_POLICY_NAME = "erguardRetryPolicy";
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

// Creates the policy for one service (one quota): clients of the same service share it.
export function retryPolicy(tuning: RetryTuning, onEvent: (event: TrafficEvent) => void): PipelinePolicy {
  const gate = new QuotaGate();
  return {
    name: RETRY_POLICY_NAME,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const started = Date.now();
      const signal = request.abortSignal;
      if (request.timeout === 0) request.timeout = tuning.requestTimeoutMs;
      let failures = 0;
      let throttles = 0;
      for (let attempt = 1; ; attempt++) {
        const quotaWait = gate.waitNeeded(Date.now());
        if (quotaWait > 0) {
          onEvent({ kind: "wait", ms: quotaWait, reason: "quota" });
          await pause(quotaWait, signal);
        }
        gate.take(Date.now());
        onEvent({ kind: "request" });
        let response: PipelineResponse | undefined;
        let failure: unknown;
        try {
          response = await next(request);
        } catch (err) {
          failure = err;
        }
        gate.settle(response?.headers, Date.now());

        if (response !== undefined && !RETRYABLE_STATUS.has(response.status)) return response;
        if (response === undefined && !isTransientError(failure, request)) throw failure;

        const reason = response === undefined ? describeError(failure) : `HTTP ${response.status}`;
        const serverDelay = response === undefined ? undefined : retryAfterMs(response.headers, Date.now());
        const throttled = response?.status === 429 || (response?.status === 503 && serverDelay !== undefined);
        if (throttled) throttles++;
        else failures++;
        // A 429 without Retry-After: Resource Graph's quota reset says how long.
        const quotaReset = throttled ? parseTimeSpan(response?.headers.get("x-ms-user-quota-resets-after") ?? "") : undefined;
        const delay = serverDelay ?? quotaReset ?? backoff(tuning, throttled ? throttles : failures);
        const exhausted = throttled ? throttles > tuning.maxThrottledRetries : failures >= tuning.maxAttempts;
        if (exhausted || Date.now() - started + delay > tuning.budgetMs) {
          onEvent({ kind: "give-up", attempts: attempt, reason });
          if (response !== undefined) return response;
          throw failure;
        }
        if (throttled) onEvent({ kind: "wait", ms: delay, reason: "throttled" });
        else onEvent({ kind: "retry", ms: delay, attempt: failures, reason });
        await pause(delay, signal);
      }
    },
  };
}

// What Resource Graph said about the user's quota, corrected for requests still in flight.
class QuotaGate {
  private remaining: number | undefined;
  private resetAt = 0;
  private inflight = 0;

  waitNeeded(now: number): number {
    if (this.remaining === undefined) return 0;
    if (now >= this.resetAt) {
      this.remaining = undefined; // a new window: the next response tells its size
      return 0;
    }
    return this.remaining > 0 ? 0 : this.resetAt - now;
  }

  take(now: number): void {
    this.inflight++;
    if (this.remaining !== undefined && now < this.resetAt) this.remaining--;
  }

  settle(headers: HttpHeaders | undefined, now: number): void {
    this.inflight--;
    const remaining = headers?.get("x-ms-user-quota-remaining");
    const resetsAfter = headers?.get("x-ms-user-quota-resets-after");
    if (remaining === undefined || resetsAfter === undefined) return;
    const left = Number.parseInt(remaining, 10);
    const ms = parseTimeSpan(resetsAfter);
    if (!Number.isFinite(left) || ms === undefined) return;
    // Requests sent since may not have been counted yet; assume they were not.
    this.remaining = Math.max(0, left - this.inflight);
    this.resetAt = now + ms;
  }
}

// "hh:mm:ss", optionally with fractional seconds (.NET TimeSpan), as Resource Graph sends it.
export function parseTimeSpan(value: string): number | undefined {
  const m = /^\s*(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)\s*$/.exec(value);
  if (!m) return undefined;
  const [, days, h, min, s] = m;
  return Math.ceil(((Number(days ?? 0) * 24 + Number(h)) * 3600 + Number(min) * 60 + Number(s)) * 1000);
}

// Retry-After in seconds or as an HTTP date, or Azure's retry-after-ms variants.
export function retryAfterMs(headers: HttpHeaders, now: number): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name);
    if (value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  }
  const value = headers.get("retry-after");
  if (value === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoff(tuning: RetryTuning, attempt: number): number {
  const ceiling = Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + Math.random() / 2));
}

// A dropped connection, a response cut short, or an attempt that timed out; not the caller's
// own cancellation.
function isTransientError(err: unknown, request: PipelineRequest): boolean {
  if (request.abortSignal?.aborted) return false;
  if (err instanceof Error && err.name === "AbortError") return true; // the attempt's timeout
  return isRestError(err) && err.statusCode === undefined;
}

function describeError(err: unknown): string {
  if (isRestError(err)) return err.code ?? err.message;
  if (err instanceof Error) return err.name === "AbortError" ? "timeout" : err.message;
  return String(err);
}

async function pause(ms: number, signal: PipelineRequest["abortSignal"]): Promise<void> {
  if (ms <= 0) return;
  await sleep(ms, undefined, signal === undefined ? {} : { signal: signal as AbortSignal });
}
