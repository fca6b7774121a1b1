// The credential for --auth: Azure's own @azure/identity credentials, pointed at the cloud's
// authority (or AZURE_AUTHORITY_HOST). A custom authority skips instance discovery, which only
// knows Microsoft's public authorities.

import {
  AzureCliCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  EnvironmentCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import { ErguardError } from "../errors.js";
import type { ResolvedCloud } from "./azure-clouds.js";
import type { AuthMethod } from "./types.js";

export const AUTH_METHODS: readonly AuthMethod[] = ["default", "env", "cli", "managed-identity", "workload-identity"];

export function isAuthMethod(value: string): value is AuthMethod {
  return (AUTH_METHODS as readonly string[]).includes(value);
}

export function createCredential(
  method: AuthMethod,
  cloud: ResolvedCloud,
  tenant: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): TokenCredential {
  const authority = { authorityHost: cloud.authorityHost, disableInstanceDiscovery: !cloud.knownAuthority };
  const tenantOption = tenant === undefined ? {} : { tenantId: tenant };
  switch (method) {
    case "default":
      return new DefaultAzureCredential({ ...authority, ...tenantOption });
    case "env": {
      const clientId = env["AZURE_CLIENT_ID"];
      const secret = env["AZURE_CLIENT_SECRET"];
      const tenantId = tenant ?? env["AZURE_TENANT_ID"];
      if (!clientId || !tenantId) {
        throw new ErguardError("bad_config", "--auth env needs AZURE_TENANT_ID (or --tenant) and AZURE_CLIENT_ID in the environment");
      }
      // A client secret is the common case and the only one where --tenant can override the
      // environment; certificates and the rest go through EnvironmentCredential as they are.
      if (secret) return new ClientSecretCredential(tenantId, clientId, secret, authority);
      if (!env["AZURE_CLIENT_CERTIFICATE_PATH"] && !env["AZURE_USERNAME"]) {
        throw new ErguardError(
          "bad_config",
          "--auth env needs AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH in the environment",
        );
      }
      return new EnvironmentCredential(authority);
    }
    case "cli":
      return new AzureCliCredential(tenantOption);
    case "managed-identity": {
      const clientId = env["AZURE_CLIENT_ID"];
      return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    }
    case "workload-identity":
      return new WorkloadIdentityCredential({ ...authority, ...tenantOption });
  }
}

// Asks for a token once before the first query, so that a missing login or a wrong secret is
// reported as what it is rather than as the failure of every subscription.
export async function checkCredential(
  credential: TokenCredential,
  method: AuthMethod,
  cloud: ResolvedCloud,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const token = await credential.getToken(cloud.scope, signal === undefined ? {} : { abortSignal: signal });
    if (token === null) throw new Error("the credential returned no token");
  } catch (err) {
    if (signal?.aborted) throw new ErguardError("interrupted", "interrupted", undefined, { cause: err });
    const message = (err instanceof Error ? err.message : String(err)).trim();
    throw new ErguardError("collection_failed", `could not get a token with --auth ${method}: ${message}`, undefined, {
      cause: err,
    });
  }
}
