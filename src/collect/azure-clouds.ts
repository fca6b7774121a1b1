// Where each Azure cloud keeps its Resource Manager endpoint, which audience its tokens must be
// issued for, and which Entra ID authority issues them. --arm-endpoint overrides the endpoint
// (sovereign and private clouds, and the tests' local server); AZURE_AUTHORITY_HOST overrides
// the authority, as it does for the Azure CLI and the SDKs.

import { ErguardError } from "../errors.js";
import type { AzureCloudName } from "./types.js";

export interface AzureCloudEndpoints {
  readonly armEndpoint: string;
  // The token audience (Entra ID's resource id for Resource Manager, as `az cloud show` names it).
  readonly audience: string;
  readonly authorityHost: string;
}

export const AZURE_CLOUDS: Readonly<Record<AzureCloudName, AzureCloudEndpoints>> = {
  AzureCloud: {
    armEndpoint: "https://management.azure.com",
    audience: "https://management.core.windows.net/",
    authorityHost: "https://login.microsoftonline.com",
  },
  AzureChinaCloud: {
    armEndpoint: "https://management.chinacloudapi.cn",
    audience: "https://management.core.chinacloudapi.cn/",
    authorityHost: "https://login.chinacloudapi.cn",
  },
  AzureUSGovernment: {
    armEndpoint: "https://management.usgovcloudapi.net",
    audience: "https://management.core.usgovcloudapi.net/",
    authorityHost: "https://login.microsoftonline.us",
  },
};

export const CLOUD_NAMES = Object.keys(AZURE_CLOUDS) as AzureCloudName[];

export function isCloudName(value: string): value is AzureCloudName {
  return Object.hasOwn(AZURE_CLOUDS, value);
}

export interface ResolvedCloud {
  readonly name: AzureCloudName;
  readonly armEndpoint: string; // without a trailing slash
  readonly scope: string; // what a credential is asked for: "<audience>.default"
  readonly authorityHost: string;
  // True for the public authorities Entra ID's instance discovery knows; a custom authority
  // (Azure Stack, a private cloud, a test server) must skip discovery.
  readonly knownAuthority: boolean;
}

export function resolveCloud(
  name: AzureCloudName,
  armEndpointOverride?: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedCloud {
  const cloud = AZURE_CLOUDS[name];
  const armEndpoint = armEndpointOverride === undefined ? cloud.armEndpoint : checkHttpsUrl(armEndpointOverride, "--arm-endpoint");
  const authorityEnv = env["AZURE_AUTHORITY_HOST"];
  const authorityHost =
    authorityEnv === undefined || authorityEnv === "" ? cloud.authorityHost : checkHttpsUrl(authorityEnv, "AZURE_AUTHORITY_HOST");
  return {
    name,
    armEndpoint,
    scope: `${cloud.audience}.default`,
    authorityHost,
    knownAuthority: Object.values(AZURE_CLOUDS).some((c) => c.authorityHost === authorityHost),
  };
}

// Tokens travel with every request, so only HTTPS endpoints are accepted.
function checkHttpsUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ErguardError("bad_config", `${what}: "${value}" is not a URL`);
  }
  if (url.protocol !== "https:") throw new ErguardError("bad_config", `${what}: "${value}" must be an https:// URL`);
  return url.href.replace(/\/+$/, "");
}
