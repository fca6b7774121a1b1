// What the Azure collection tests share: a fake Azure trusted by this process and the
// environment @azure/identity reads, and a collection run against it with short retry delays.

import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { collectAzure } from "../../src/collect/azure.js";
import type { RetryTuning } from "../../src/collect/throttling.js";
import type { AzureCollectOptions, ProgressSink, ProgressState } from "../../src/collect/types.js";
import type { Snapshot } from "../../src/snapshot/types.js";
import { startFakeAzure, type FakeAzure, type FakeAzureOptions } from "./fake-azure.ts";

// Retries in milliseconds rather than seconds; attempts and the timeout as small as the tests
// allow.
export const FAST_RETRY: Partial<RetryTuning> = { baseDelayMs: 5, maxDelayMs: 40, requestTimeoutMs: 1_000, maxAttempts: 6 };

const trusted = new Set<string>();

// Starts a fake Azure and points this process at it: its certificate is trusted (as
// NODE_EXTRA_CA_CERTS would make it in a child process) and @azure/identity's environment
// names its token endpoint and a service principal it accepts.
export async function fakeAzure(options: FakeAzureOptions): Promise<FakeAzure> {
  const azure = await startFakeAzure(options);
  if (!trusted.has(azure.caPem)) {
    setDefaultCACertificates([...getCACertificates("default"), azure.caPem]);
    trusted.add(azure.caPem);
  }
  process.env["AZURE_AUTHORITY_HOST"] = azure.authorityHost;
  process.env["AZURE_TENANT_ID"] = azure.tenantId;
  process.env["AZURE_CLIENT_ID"] = azure.clientId;
  process.env["AZURE_CLIENT_SECRET"] = azure.clientSecret;
  return azure;
}

export interface RecordingProgress extends ProgressSink {
  readonly stages: string[];
  readonly warnings: string[];
  readonly details: string[];
  last: ProgressState;
}

export function recordingProgress(): RecordingProgress {
  const progress: RecordingProgress = {
    stages: [],
    warnings: [],
    details: [],
    last: {},
    stage: (name) => progress.stages.push(name),
    update: (state) => {
      progress.last = { ...progress.last, ...state };
    },
    warn: (message) => progress.warnings.push(message),
    detail: (message) => progress.details.push(message),
  };
  return progress;
}

export async function collect(
  azure: FakeAzure,
  overrides: Partial<AzureCollectOptions> = {},
  retry: Partial<RetryTuning> = FAST_RETRY,
): Promise<{ snapshot: Snapshot; progress: RecordingProgress }> {
  const progress = recordingProgress();
  const snapshot = await collectAzure(
    {
      subscriptions: [],
      managementGroups: [],
      runtime: false,
      auth: "env",
      cloud: "AzureCloud",
      armEndpoint: azure.url,
      progress,
      ...overrides,
    },
    retry,
  );
  return { snapshot, progress };
}
