import { describe, expect, it } from "vitest";
import { REDACTED } from "../snapshot/types.js";
import { redactSecrets } from "./redact.js";

describe("redacting secrets", () => {
  it("replaces keys, secrets and passwords at any depth, and keeps what only looks like one", () => {
    const input = {
      properties: {
        serviceKey: "a1410692-ed3b-4ceb-b94a-b90b95d398d1",
        peerings: [{ properties: { sharedKey: "md5", peerASN: 65010 } }],
        vpnClientConfiguration: { radiusServerSecret: "radius", vpnClientRootCertificates: [{ properties: { publicCertData: "MIIC" } }] },
        shared_key: "tf",
        pskKeys: ["one", ""],
        publicKey: "ssh-rsa AAAA",
        tags: [{ key: "env", value: "prod" }],
        authorizationKey: "",
        keyVaultSecretId: "https://vault/secrets/x",
      },
    };
    expect(redactSecrets(input)).toEqual({
      properties: {
        serviceKey: REDACTED,
        peerings: [{ properties: { sharedKey: REDACTED, peerASN: 65010 } }],
        vpnClientConfiguration: { radiusServerSecret: REDACTED, vpnClientRootCertificates: [{ properties: { publicCertData: "MIIC" } }] },
        shared_key: REDACTED,
        pskKeys: [REDACTED, ""],
        publicKey: "ssh-rsa AAAA",
        tags: [{ key: "env", value: "prod" }],
        authorizationKey: "",
        keyVaultSecretId: "https://vault/secrets/x",
      },
    });
    expect(input.properties.serviceKey).not.toBe(REDACTED);
  });
});
