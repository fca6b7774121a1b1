// Secrets never enter a snapshot. Azure returns some of them to readers with enough rights: the
// BGP MD5 key of a circuit peering (peerings[].properties.sharedKey), a connection's sharedKey
// and authorizationKey, a circuit's serviceKey, the keys of circuit authorizations, RADIUS
// secrets of VPN gateways. Any property named like a key, secret or password is replaced by
// "<redacted>", so that a policy can still see that one is set; empty values stay as they are,
// so it can see that one is not. The same rule serves live collection and infrastructure as
// code (ARM camelCase and Terraform snake_case names alike); a value a template cannot know
// (an unknown marker object) is kept, since it holds no secret.

import { REDACTED } from "../snapshot/types.js";

// sharedKey, serviceKey, authorizationKey, primaryKey, radiusServerSecret, clientSecret, adminPassword, …
const SECRET_NAME = /(keys?|secrets?|passwords?|passphrases?)$/i;
// Names that end like a secret but are not one (a bare "key" is the key of a key/value pair).
const NOT_SECRET = /^(keys?|public[a-z_]*keys?|ssh[a-z_]*public[a-z_]*keys?)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET.test(name);
}

// Returns a copy of `value` with every secret replaced; the input is left untouched.
export function redactSecrets<T>(value: T): T {
  return redact(value) as T;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    out[name] = isSecretName(name) ? redactSecretValue(inner) : redact(inner);
  }
  return out;
}

function redactSecretValue(value: unknown): unknown {
  if (typeof value === "string") return value === "" ? value : REDACTED;
  if (typeof value === "number") return REDACTED;
  if (Array.isArray(value)) return value.map(redactSecretValue);
  return redact(value);
}
