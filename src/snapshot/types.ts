// The snapshot contract (schemaVersion 1): see DESIGN.md. Every collector writes it, the
// evaluation stage reads it. Resources keep the ARM resource shape, so one policy reads live
// and infrastructure-as-code input alike.

export type SourceKind = "azure" | "arm" | "terraform" | "snapshot";
export type ConnectionModel = "connect-through" | "connect-to";

export interface CollectionError {
  // A subscription id, a batch of them, a resource id, or a file.
  readonly scope: string;
  readonly code: string;
  readonly message: string;
}

export interface SnapshotSource {
  readonly kind: SourceKind;
  readonly collectedAt: string; // ISO-8601
  readonly tool: string; // "erguard 0.1.0"
  readonly scope: Readonly<Record<string, unknown>>; // tenants, subscriptions, management groups or files
  readonly errors: readonly CollectionError[];
}

export interface Customer {
  readonly name: string;
  readonly tenantId?: string;
  readonly subscriptions: readonly string[];
  readonly model?: ConnectionModel;
}

// Where an infrastructure-as-code resource was declared.
export interface ResourceOrigin {
  readonly file: string;
  readonly line?: number;
  readonly address?: string; // Terraform resource address, or the ARM symbolic name
}

export interface Resource {
  readonly id: string;
  readonly name: string;
  readonly type: string; // lower case, as Resource Graph returns it
  readonly location?: string;
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly tenantId?: string;
  readonly sku?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly zones?: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
  readonly runtime?: Readonly<Record<string, unknown>>;
  readonly origin?: ResourceOrigin;
}

export interface Snapshot {
  readonly schemaVersion: 1;
  readonly source: SnapshotSource;
  readonly customers: readonly Customer[];
  readonly resources: readonly Resource[];
}

// What secrets become at collection: they never reach a snapshot, a log or a report.
export const REDACTED = "<redacted>";

// A value a template or plan cannot know before deployment (reference(), after_unknown).
export interface UnknownMarker {
  readonly $unknown: string;
}
