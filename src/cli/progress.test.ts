import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, describeState } from "./progress.js";

function sink(isTTY: boolean): { stream: Writable & { isTTY: boolean }; text: () => string } {
  let out = "";
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => out };
}

describe("progress on stderr", () => {
  it("describes subscriptions, resources, requests, throttled waits and an ETA", () => {
    expect(
      describeState({ subscriptionsDone: 50, subscriptionsTotal: 200, resources: 25_000, requests: 26, throttledWaits: 2 }, 10_000),
    ).toBe("subscriptions 50/200 · resources 25,000 · requests 26 · throttled waits 2 · ETA 0:30");
  });

  it("prints one line per stage, warnings and no live line when stderr is not a terminal", () => {
    const { stream, text } = sink(false);
    const progress = createProgress({ quiet: false, verbose: false, stream });
    progress.stage("listing subscriptions");
    progress.update({ subscriptionsDone: 1, subscriptionsTotal: 2 });
    progress.detail("retry 1");
    progress.warn("giving up");
    progress.finish();
    expect(text()).toBe("erguard: listing subscriptions\nerguard: warning: giving up\n");
  });

  it("keeps a live line on a terminal and prints stages above it", () => {
    const { stream, text } = sink(true);
    let t = 0;
    const progress = createProgress({ quiet: false, verbose: true, stream, now: () => t });
    progress.update({ subscriptionsDone: 0, subscriptionsTotal: 4, requests: 1 });
    t = 1_000;
    progress.update({ subscriptionsDone: 2 });
    progress.detail("quota spent: waiting 1.0 s");
    progress.finish();
    expect(text()).toBe(
      "\r\x1b[Ksubscriptions 0/4 · requests 1" +
        "\r\x1b[Ksubscriptions 2/4 · requests 1 · ETA 0:01" +
        "\r\x1b[Kerguard: quota spent: waiting 1.0 s\n" +
        "\r\x1b[Ksubscriptions 2/4 · requests 1 · ETA 0:01" +
        "\r\x1b[K",
    );
  });

  it("prints only warnings with --quiet", () => {
    const { stream, text } = sink(true);
    const progress = createProgress({ quiet: true, verbose: false, stream });
    progress.stage("querying");
    progress.update({ subscriptionsDone: 1, subscriptionsTotal: 2 });
    progress.warn("subscription x is not readable");
    progress.finish();
    expect(text()).toBe("erguard: warning: subscription x is not readable\n");
  });
});
