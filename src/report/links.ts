// Links that reports may make. Only web links are ever made clickable: a reference or a
// resource-controlled string like `javascript:…` stays text.

import type { ResourceOrigin } from "../snapshot/types.js";

// The repository an IaC scan ran on, as GitHub Actions describes it
// (GITHUB_SERVER_URL/GITHUB_REPOSITORY and GITHUB_SHA).
export interface SourceLinks {
  readonly repository: string; // https://github.com/owner/repo
  readonly ref: string; // commit or branch
}

export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s<>"']+$/i.test(url);
}

export function firstWebLink(urls: readonly string[]): string | undefined {
  return urls.find(isWebLink);
}

export function portalUrl(resourceId: string): string {
  return `https://portal.azure.com/#resource${encodeURI(resourceId)}`;
}

export function sourceUrl(links: SourceLinks, origin: ResourceOrigin): string {
  const path = origin.file.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/");
  return `${links.repository.replace(/\/+$/, "")}/blob/${encodeURIComponent(links.ref)}/${path}${origin.line !== undefined ? `#L${origin.line}` : ""}`;
}

// From the GitHub Actions environment, when erguard runs there.
export function sourceLinksFromEnv(env: NodeJS.ProcessEnv): SourceLinks | undefined {
  const server = env["GITHUB_SERVER_URL"];
  const repo = env["GITHUB_REPOSITORY"];
  const sha = env["GITHUB_SHA"];
  return server && repo && sha ? { repository: `${server}/${repo}`, ref: sha } : undefined;
}
