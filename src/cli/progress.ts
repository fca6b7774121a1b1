// Progress of a long collection, on stderr. On a terminal: one live line (subscriptions done /
// total, resources, requests, throttled waits, ETA) redrawn at most ten times a second, with
// stages, warnings and details printed above it. Elsewhere (CI logs, redirected output): one
// line per stage. --quiet keeps only warnings; --verbose adds the details.

import type { ProgressSink, ProgressState } from "../collect/types.js";

export interface ProgressOptions {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly now?: () => number;
}

export interface TerminalProgress extends ProgressSink {
  // Clears the live line; call once the work is over.
  finish(): void;
}

const REDRAW_MS = 100;

export function createProgress(options: ProgressOptions): TerminalProgress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const live = stream.isTTY === true && !options.quiet;
  let state: ProgressState = {};
  let started: number | undefined;
  let shown = ""; // what the live line shows now
  let drawnAt = Number.NEGATIVE_INFINITY;

  const clear = (): void => {
    if (shown !== "") stream.write("\r\x1b[K");
    shown = "";
  };
  const draw = (force: boolean): void => {
    if (!live) return;
    const t = now();
    if (!force && t - drawnAt < REDRAW_MS) return;
    drawnAt = t;
    const line = describeState(state, started === undefined ? undefined : t - started);
    if (line === shown) return;
    stream.write(`\r\x1b[K${line}`);
    shown = line;
  };
  const print = (line: string): void => {
    const redraw = shown !== "";
    clear();
    stream.write(`${line}\n`);
    if (redraw) draw(true);
  };

  return {
    stage(name) {
      if (!options.quiet) print(`erguard: ${name}`);
    },
    update(next) {
      state = { ...state, ...next };
      if (started === undefined && (state.subscriptionsTotal ?? state.filesTotal ?? 0) > 0) started = now();
      draw(false);
    },
    warn(message) {
      print(`erguard: warning: ${message}`);
    },
    detail(message) {
      if (options.verbose) print(`erguard: ${message}`);
    },
    finish() {
      clear();
    },
  };
}

// "subscriptions 120/200 · resources 53,000 · requests 57 · throttled waits 3 · ETA 0:12"
export function describeState(state: ProgressState, elapsedMs: number | undefined): string {
  const parts: string[] = [];
  const count = (n: number): string => n.toLocaleString("en-US");
  if (state.subscriptionsTotal !== undefined) parts.push(`subscriptions ${count(state.subscriptionsDone ?? 0)}/${count(state.subscriptionsTotal)}`);
  if (state.filesTotal !== undefined) parts.push(`files ${count(state.filesDone ?? 0)}/${count(state.filesTotal)}`);
  if (state.resources !== undefined) parts.push(`resources ${count(state.resources)}`);
  if (state.requests !== undefined) parts.push(`requests ${count(state.requests)}`);
  if (state.throttledWaits) parts.push(`throttled waits ${count(state.throttledWaits)}`);
  const done = state.subscriptionsDone ?? state.filesDone ?? 0;
  const total = state.subscriptionsTotal ?? state.filesTotal ?? 0;
  if (elapsedMs !== undefined && done > 0 && total > done) parts.push(`ETA ${duration((elapsedMs * (total - done)) / done)}`);
  return parts.join(" · ");
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}
