// A local stand-in for Azure, on 127.0.0.1 over HTTPS with a certificate made at start-up:
// - Entra ID: OpenID configuration and the v2.0 token endpoint (client credentials), so that
//   @azure/identity's credentials run for real against it (AZURE_AUTHORITY_HOST);
// - Resource Graph: POST /providers/Microsoft.ResourceGraph/resources, with $top/$skipToken
//   paging in id order, totalRecords, the per-user quota (x-ms-user-quota-remaining,
//   x-ms-user-quota-resets-after, 429 + Retry-After when spent), the 1,000-subscription limit;
// - the network API's long-running POSTs (circuit route tables and their summaries, gateway BGP
//   peer status and learned routes): 202 + Location, then the result.
// Faults (any status, dropped connections, responses cut short, slow responses) are injected
// per test. Self-contained (Node built-ins only) so that the benchmark can load it with Node's
// type stripping.

import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Estate, EstateRow } from "./azure-estate.ts";

export type Route = "token" | "graph" | "network";

export type Fault =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown }
  | { readonly reset: true } // the connection is dropped before any response
  | { readonly cut: true } // the response starts, then the connection is dropped
  | { readonly delayMs: number }; // the normal response, late

export interface FaultRule {
  readonly route: Route;
  readonly fault: Fault;
  times: number;
  readonly when?: (request: SeenRequest) => boolean;
}

export interface SeenRequest {
  readonly route: Route;
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | undefined;
  readonly token: string | undefined;
}

export interface NetworkCall {
  readonly operation: "routeTablesSummary" | "routeTables" | "getBgpPeerStatus" | "getLearnedRoutes";
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly peering?: string;
  readonly devicePath?: string;
}

export interface FakeAzureOptions {
  readonly estate: Estate;
  // Resource Graph's per-user quota; none when absent.
  readonly quota?: { readonly limit: number; readonly windowMs: number };
  // Subscriptions this principal may not read: a query naming one is refused with 403.
  readonly forbiddenSubscriptions?: readonly string[];
  // Each page after the first repeats the previous page's last row (as a moving resource does).
  readonly repeatRowAcrossPages?: boolean;
  // The `value` of a network operation's result; undefined answers 404.
  readonly network?: (call: NetworkCall) => unknown[] | undefined;
  // Every network API response comes this late (so that concurrency can be observed).
  readonly networkDelayMs?: number;
  // Keep every request for assertions (off in the benchmark).
  readonly record?: boolean;
}

export interface FakeAzureStats {
  tokenRequests: number;
  graphRequests: number;
  graphPages: number;
  quotaRefusals: number;
  networkRequests: number;
  maxNetworkInFlight: number;
  faultsInjected: number;
  maxSubscriptionsPerQuery: number;
  maxTop: number;
}

export interface FakeAzure {
  readonly url: string; // the ARM endpoint
  readonly authorityHost: string;
  readonly caFile: string;
  readonly caPem: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly cliToken: string;
  readonly federatedToken: string;
  readonly identityHeader: string;
  readonly stats: FakeAzureStats;
  readonly requests: SeenRequest[];
  inject(rule: FaultRule): void;
  close(): Promise<void>;
}

const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT_ID = "11111111-2222-3333-4444-555555555555";
const CLIENT_SECRET = "not-a-real-secret";
const CLI_TOKEN = "token-from-fake-az-cli";
// What a Kubernetes service account token file would hold, for workload identity.
const FEDERATED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.federated.signature";
// The secret header App Service gives managed identities (IDENTITY_HEADER).
const IDENTITY_HEADER = "fake-identity-header";

export async function startFakeAzure(options: FakeAzureOptions): Promise<FakeAzure> {
  const { keyPem, caPem, caFile } = certificate();
  const stats: FakeAzureStats = {
    tokenRequests: 0,
    graphRequests: 0,
    graphPages: 0,
    quotaRefusals: 0,
    networkRequests: 0,
    maxNetworkInFlight: 0,
    faultsInjected: 0,
    maxSubscriptionsPerQuery: 0,
    maxTop: 0,
  };
  const requests: SeenRequest[] = [];
  const rules: FaultRule[] = [];
  const issuedTokens = new Set<string>([CLI_TOKEN]);
  const windows = new Map<string, { start: number; used: number }>();
  const operations = new Map<string, unknown[]>();
  const sortedRows = [...options.estate.resources].sort((a, b) => compare(a.id.toLowerCase(), b.id.toLowerCase()));
  const subscriptionRows = options.estate.subscriptions
    .map((s) => ({
      id: `/subscriptions/${s.subscriptionId}`,
      name: s.name,
      type: "microsoft.resources/subscriptions",
      subscriptionId: s.subscriptionId,
      tenantId: s.tenantId,
      properties: {
        state: "Enabled",
        subscriptionPolicies: { locationPlacementId: "Public_2014-09-01", quotaId: "EnterpriseAgreement_2014-09-01", spendingLimit: "Off" },
        managementGroupAncestorsChain: s.managementGroup === undefined ? [] : [{ name: s.managementGroup, displayName: s.managementGroup }],
      },
    }))
    .sort((a, b) => compare(a.id, b.id));
  const managementGroupOf = new Map(options.estate.subscriptions.map((s) => [s.subscriptionId, s.managementGroup]));
  const forbidden = new Set((options.forbiddenSubscriptions ?? []).map((s) => s.toLowerCase()));
  let base = "";
  let networkInFlight = 0;
  // The rows of each query (and scope), computed once: paging walks them.
  const results = new Map<string, readonly { id: string; subscriptionId: string }[]>();

  const server: Server = createServer({ key: keyPem, cert: caPem }, (req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { code: "InternalServerError", message: String(err) } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    const text = await readBody(req);
    const route: Route = url.pathname.includes("/oauth2/") || url.pathname.includes("/.well-known/") || url.pathname === "/msi/token" ? "token"
      : url.pathname.startsWith("/providers/Microsoft.ResourceGraph/") ? "graph" : "network";
    const auth = req.headers["authorization"];
    const seen: SeenRequest = {
      route,
      method: req.method ?? "GET",
      path: url.pathname,
      body: route === "graph" && text !== "" ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      token: typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : undefined,
    };
    if (options.record !== false) requests.push(seen);
    const scope = seen.body?.["subscriptions"];
    if (Array.isArray(scope)) stats.maxSubscriptionsPerQuery = Math.max(stats.maxSubscriptionsPerQuery, scope.length);

    const rule = rules.find((r) => r.route === route && r.times > 0 && (r.when === undefined || r.when(seen)));
    if (rule !== undefined) {
      rule.times--;
      stats.faultsInjected++;
      const fault = rule.fault;
      if ("reset" in fault) {
        req.socket.destroy();
        return;
      }
      if ("cut" in fault) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100000" });
        res.write('{"totalRecords": 1, "data": [');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      }
      if ("delayMs" in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      else {
        send(res, fault.status, fault.body ?? { error: { code: `Injected${fault.status}`, message: `injected ${fault.status}` } }, fault.headers);
        return;
      }
    }

    if (route === "token") return token(req, res, url, text);
    if (seen.token === undefined || !issuedTokens.has(seen.token)) {
      send(res, 401, { error: { code: "AuthenticationFailed", message: "no valid bearer token" } });
      return;
    }
    if (route === "graph") return graph(res, seen);
    networkInFlight++;
    stats.maxNetworkInFlight = Math.max(stats.maxNetworkInFlight, networkInFlight);
    try {
      if (options.networkDelayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.networkDelayMs));
      network(req, res, url);
    } finally {
      networkInFlight--;
    }
  }

  function token(req: IncomingMessage, res: ServerResponse, url: URL, text: string): void {
    const tenant = url.pathname.split("/")[1] ?? "";
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      const issuer = `${base}/${tenant}/v2.0`;
      send(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        issuer,
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        tenant_region_scope: "EU",
      });
      return;
    }
    const newToken = (): string => {
      const accessToken = `token-${randomUUID()}`;
      issuedTokens.add(accessToken);
      return accessToken;
    };
    // A managed identity on App Service asks its local identity endpoint.
    if (url.pathname === "/msi/token") {
      stats.tokenRequests++;
      if (req.headers["x-identity-header"] !== IDENTITY_HEADER || url.searchParams.get("resource") === null) {
        send(res, 400, { error: "invalid_request", error_description: "missing identity header or resource" });
        return;
      }
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      send(res, 200, { access_token: newToken(), expires_on: String(expiresOn), resource: url.searchParams.get("resource"), token_type: "Bearer", client_id: CLIENT_ID });
      return;
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token") && req.method === "POST") {
      stats.tokenRequests++;
      const form = new URLSearchParams(text);
      const federated =
        form.get("client_assertion_type") === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" &&
        form.get("client_assertion") === FEDERATED_TOKEN;
      if (tenant !== TENANT_ID || form.get("client_id") !== CLIENT_ID || (form.get("client_secret") !== CLIENT_SECRET && !federated)) {
        send(res, 401, {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret provided.",
          error_codes: [7000215],
        });
        return;
      }
      send(res, 200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: newToken() });
      return;
    }
    send(res, 404, { error: "not_found" });
  }

  function graph(res: ServerResponse, seen: SeenRequest): void {
    stats.graphRequests++;
    const quotaHeaders = takeQuota(seen.token as string);
    if (quotaHeaders === undefined) return refuseQuota(res, seen.token as string);
    const body = seen.body ?? {};
    const query = String(body["query"] ?? "");
    const subscriptions = Array.isArray(body["subscriptions"]) ? (body["subscriptions"] as string[]).map((s) => s.toLowerCase()) : undefined;
    const groups = Array.isArray(body["managementGroups"]) ? (body["managementGroups"] as string[]) : undefined;
    const opts = (body["options"] ?? {}) as Record<string, unknown>;
    const top = typeof opts["$top"] === "number" ? opts["$top"] : 100;
    stats.maxTop = Math.max(stats.maxTop, top);
    if ((subscriptions?.length ?? 0) > 1000 || top > 1000) {
      send(res, 400, { error: { code: "BadRequest", message: "at most 1000 subscriptions and $top 1000" } }, quotaHeaders);
      return;
    }
    const denied = subscriptions?.find((s) => forbidden.has(s));
    if (denied !== undefined) {
      send(res, 403, {
        error: { code: "AuthorizationFailed", message: `The client does not have authorization to read subscription '${denied}'.` },
      }, quotaHeaders);
      return;
    }
    const queryKey = createHash("sha256").update(JSON.stringify([query, subscriptions, groups])).digest("hex").slice(0, 16);
    let rows = results.get(queryKey);
    if (rows === undefined) {
      const scope = subscriptions === undefined ? undefined : new Set(subscriptions);
      const inScope = (subscriptionId: string): boolean =>
        scope !== undefined ? scope.has(subscriptionId)
          : groups !== undefined ? groups.includes(managementGroupOf.get(subscriptionId) ?? "")
            : true;
      if (/^\s*resourcecontainers\b/i.test(query)) {
        rows = subscriptionRows.filter((r) => inScope(r.subscriptionId));
      } else if (/^\s*resources\b/i.test(query)) {
        const types = new Set([...(/type in~ \(([^)]*)\)/.exec(query)?.[1] ?? "").matchAll(/'([^']+)'/g)].map((m) => (m[1] as string).toLowerCase()));
        rows = sortedRows.filter((r: EstateRow) => types.has(r.type) && inScope(r.subscriptionId));
      } else {
        send(res, 400, { error: { code: "InvalidQuery", message: "the fake knows resources and resourcecontainers" } }, quotaHeaders);
        return;
      }
      results.set(queryKey, rows);
    }
    let offset = 0;
    if (typeof opts["$skipToken"] === "string") {
      const decoded = JSON.parse(Buffer.from(opts["$skipToken"], "base64").toString("utf8")) as { key: string; offset: number };
      if (decoded.key !== queryKey) {
        send(res, 400, { error: { code: "InvalidSkipToken", message: "the $skipToken belongs to another query or scope" } }, quotaHeaders);
        return;
      }
      offset = decoded.offset;
    }
    const start = options.repeatRowAcrossPages === true && offset > 0 ? offset - 1 : offset;
    const page = rows.slice(start, offset + top);
    const next = offset + top;
    stats.graphPages++;
    send(res, 200, {
      totalRecords: rows.length,
      count: page.length,
      resultTruncated: "false",
      facets: [],
      ...(next < rows.length ? { $skipToken: Buffer.from(JSON.stringify({ key: queryKey, offset: next })).toString("base64") } : {}),
      data: page,
    }, quotaHeaders);
  }

  // Fixed windows per user, as Resource Graph describes its quota.
  function takeQuota(user: string): Record<string, string> | undefined {
    if (options.quota === undefined) return {};
    const now = Date.now();
    let w = windows.get(user);
    if (w === undefined || now >= w.start + options.quota.windowMs) {
      w = { start: now, used: 0 };
      windows.set(user, w);
    }
    if (w.used >= options.quota.limit) return undefined;
    w.used++;
    return {
      "x-ms-user-quota-remaining": String(options.quota.limit - w.used),
      "x-ms-user-quota-resets-after": timeSpan(w.start + options.quota.windowMs - now),
    };
  }

  function refuseQuota(res: ServerResponse, user: string): void {
    stats.quotaRefusals++;
    const w = windows.get(user) as { start: number };
    const left = w.start + (options.quota as { windowMs: number }).windowMs - Date.now();
    send(res, 429, { error: { code: "RateLimiting", message: "Please provide below info when asking for support: timestamp = …, correlationId = …." } }, {
      "retry-after": String(Math.ceil(left / 1000)),
      "x-ms-user-quota-remaining": "0",
      "x-ms-user-quota-resets-after": timeSpan(left),
    });
  }

  function network(req: IncomingMessage, res: ServerResponse, url: URL): void {
    stats.networkRequests++;
    const result = /\/operationResults\/([^/]+)$/.exec(url.pathname);
    if (result !== null && req.method === "GET") {
      const value = operations.get(result[1] as string);
      if (value === undefined) send(res, 404, { error: { code: "NotFound", message: "no such operation" } });
      else send(res, 200, { value });
      return;
    }
    const m =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/(expressRouteCircuits|virtualNetworkGateways)\/([^/]+)\/(?:peerings\/([^/]+)\/(routeTablesSummary|routeTables)\/([^/]+)|(getBgpPeerStatus|getLearnedRoutes))$/i.exec(
        url.pathname,
      );
    if (m === null || req.method !== "POST" || url.searchParams.get("api-version") === null) {
      send(res, 404, { error: { code: "NotFound", message: `no route for ${req.method} ${url.pathname}` } });
      return;
    }
    const call: NetworkCall = {
      operation: (m[6] ?? m[8]) as NetworkCall["operation"],
      subscriptionId: (m[1] as string).toLowerCase(),
      resourceGroup: decodeURIComponent(m[2] as string),
      name: decodeURIComponent(m[4] as string),
      ...(m[5] === undefined ? {} : { peering: decodeURIComponent(m[5]) }),
      ...(m[7] === undefined ? {} : { devicePath: decodeURIComponent(m[7]) }),
    };
    const value = options.network?.(call);
    if (value === undefined) {
      send(res, 404, { error: { code: "ResourceNotFound", message: `no ${call.operation} for ${call.name}` } });
      return;
    }
    const id = randomUUID();
    operations.set(id, value);
    send(res, 202, "", {
      location: `${base}/subscriptions/${call.subscriptionId}/providers/Microsoft.Network/locations/westeurope/operationResults/${id}?api-version=${url.searchParams.get("api-version")}`,
      "retry-after": "0",
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the fake Azure server has no port");
  base = `https://127.0.0.1:${address.port}`;

  return {
    url: base,
    authorityHost: base,
    caFile,
    caPem,
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    cliToken: CLI_TOKEN,
    federatedToken: FEDERATED_TOKEN,
    identityHeader: IDENTITY_HEADER,
    stats,
    requests,
    inject(rule) {
      rules.push(rule);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// One self-signed certificate (its own CA) per process, for 127.0.0.1, made with openssl.
let material: { keyPem: string; caPem: string; caFile: string } | undefined;
function certificate(): { keyPem: string; caPem: string; caFile: string } {
  if (material !== undefined) return material;
  const dir = mkdtempSync(join(tmpdir(), "erguard-fake-azure-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const keyFile = join(dir, "key.pem");
  const caFile = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", keyFile, "-out", caFile,
      "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    { stdio: "ignore" },
  );
  material = { keyPem: readFileSync(keyFile, "utf8"), caPem: readFileSync(caFile, "utf8"), caFile };
  return material;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === "" ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(text === "" ? {} : { "content-type": "application/json; charset=utf-8" }),
    "content-length": String(Buffer.byteLength(text)),
    "x-ms-request-id": randomUUID(),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// hh:mm:ss, rounded up to the second so that a client waiting that long finds the window reset.
function timeSpan(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
