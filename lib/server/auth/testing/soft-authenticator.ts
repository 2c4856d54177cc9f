import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import { formatWebAuthnStamp } from "@/lib/domain/signing/stamps";
import { toBase64Url, toHex, utf8 } from "@/lib/domain/signing/encoding";

/**
 * A software WebAuthn authenticator for tests, on node:crypto: one P-256 credential, a COSE public
 * key, registration (attestation "none") and assertions whose every part can be bent — user
 * presence / verification flags, counter, RP ID, origin, challenge, type — to test each refusal.
 */
export interface AssertOptions {
  /** The challenge bytes (a stamp's) or base64url text (a server-issued challenge). */
  challenge: Uint8Array | string;
  origin?: string;
  rpId?: string;
  userPresent?: boolean;
  userVerified?: boolean;
  /** The signature counter to report; default: the next one. */
  counter?: number;
  type?: string;
  userHandle?: Uint8Array;
}

export interface Assertion {
  credentialId: string;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
  userHandle?: string;
}

const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash("sha256").update(data).digest());

function counterBytes(counter: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, counter);
  return bytes;
}

const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

export class SoftAuthenticator {
  readonly credentialIdBytes = new Uint8Array(randomBytes(16));
  readonly credentialId = toBase64Url(this.credentialIdBytes);
  readonly rpId: string;
  readonly origin: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** The counter of the last assertion (0 = a synced passkey that never counts, if `counting` is false). */
  counter: number;
  private readonly counting: boolean;

  constructor(options: { rpId?: string; origin?: string; counting?: boolean } = {}) {
    this.rpId = options.rpId ?? "localhost";
    this.origin = options.origin ?? "http://localhost:3000";
    this.counting = options.counting ?? true;
    this.counter = 0;
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** The credential public key as COSE (EC2, ES256). */
  cosePublicKey(): Uint8Array<ArrayBuffer> {
    const jwk = this.publicKey.export({ format: "jwk" });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
      ]),
    );
    return new Uint8Array(cose);
  }

  /** What startRegistration() returns for server-issued creation options. */
  register({
    challenge,
    origin = this.origin,
    rpId = this.rpId,
    userVerified = true,
  }: {
    challenge: string;
    origin?: string;
    rpId?: string;
    userVerified?: boolean;
  }) {
    const flags = 0x01 | (userVerified ? 0x04 : 0) | 0x40; // UP, UV, AT (attested credential data)
    const idLength = new Uint8Array([
      this.credentialIdBytes.length >> 8,
      this.credentialIdBytes.length & 0xff,
    ]);
    const authData = concat(
      sha256(rpId),
      new Uint8Array([flags]),
      counterBytes(0),
      new Uint8Array(16), // AAGUID
      idLength,
      this.credentialIdBytes,
      this.cosePublicKey(),
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    const clientDataJSON = utf8(
      JSON.stringify({ type: "webauthn.create", challenge, origin, crossOrigin: false }),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key" as const,
      response: {
        clientDataJSON: toBase64Url(clientDataJSON),
        attestationObject: toBase64Url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform" as const,
    };
  }

  /** An assertion: signature over authenticatorData ‖ SHA-256(clientDataJSON). */
  assert(options: AssertOptions): Assertion {
    const counter = options.counter ?? (this.counting ? this.counter + 1 : 0);
    this.counter = Math.max(this.counter, counter);
    const challenge =
      typeof options.challenge === "string" ? options.challenge : toBase64Url(options.challenge);
    const clientDataJSON = utf8(
      JSON.stringify({
        type: options.type ?? "webauthn.get",
        challenge,
        origin: options.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
    const flags = (options.userPresent === false ? 0 : 0x01) | (options.userVerified === false ? 0 : 0x04);
    const authenticatorData = concat(
      sha256(options.rpId ?? this.rpId),
      new Uint8Array([flags]),
      counterBytes(counter),
    );
    const signature = sign("sha256", concat(authenticatorData, sha256(clientDataJSON)), this.privateKey);
    return {
      credentialId: this.credentialId,
      authenticatorData: toBase64Url(authenticatorData),
      clientDataJSON: toBase64Url(clientDataJSON),
      signature: toBase64Url(new Uint8Array(signature)),
      ...(options.userHandle ? { userHandle: toBase64Url(options.userHandle) } : {}),
    };
  }

  /** A Turnkey WebAuthn stamp for `payload`: the challenge is the UTF-8 of its lowercase hex SHA-256. */
  stamp(payload: string, overrides: Partial<AssertOptions> & { rawDigest?: boolean } = {}): string {
    const digest = sha256(utf8(payload));
    const challenge = overrides.rawDigest ? digest : utf8(toHex(digest));
    const assertion = this.assert({ challenge, ...overrides });
    return formatWebAuthnStamp({
      credentialId: assertion.credentialId,
      authenticatorData: assertion.authenticatorData,
      clientDataJson: assertion.clientDataJSON,
      signature: assertion.signature,
    });
  }

  /** What startAuthentication() returns for a server-issued sign-in challenge. */
  authenticationResponse(options: AssertOptions) {
    const assertion = this.assert(options);
    return {
      id: assertion.credentialId,
      rawId: assertion.credentialId,
      type: "public-key" as const,
      response: {
        clientDataJSON: assertion.clientDataJSON,
        authenticatorData: assertion.authenticatorData,
        signature: assertion.signature,
        ...(assertion.userHandle ? { userHandle: assertion.userHandle } : {}),
      },
      clientExtensionResults: {},
    };
  }
}

/** A P-256 key pair for api_key stamps: the compressed public key (hex) and a signer. */
export function softSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const x = Buffer.from(jwk.x!, "base64url");
  const y = Buffer.from(jwk.y!, "base64url");
  const compressed = Buffer.concat([Buffer.from([y[y.length - 1]! & 1 ? 0x03 : 0x02]), x]).toString("hex");
  return {
    publicKey: compressed,
    /** DER ECDSA-SHA256 over the UTF-8 bytes of `payload`. */
    sign: (payload: string) => new Uint8Array(sign("sha256", Buffer.from(payload, "utf8"), privateKey)),
  };
}
