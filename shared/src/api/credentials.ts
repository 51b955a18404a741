import { z } from 'zod';
import { Id, Timestamp, shortText } from '../schemas/common.ts';
import { IdParam, noNul } from './common.ts';
import { endpoint } from './endpoint.ts';

export const credentialKinds = ['api', 'device'] as const;
export const CredentialKind = z.enum(credentialKinds);

/** A named, revocable bearer token of the caller: an integration's API token or an extension device. */
export const Credential = z.object({
  id: Id,
  kind: CredentialKind,
  name: z.string().nullable(),
  /** The browser of an extension device (its User-Agent when approved); null for API tokens. */
  browser: z.string().nullable(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});
export type Credential = z.infer<typeof Credential>;

export const listTokens = endpoint({
  method: 'get', path: '/v1/tokens', tag: 'credentials',
  summary: "The caller's API tokens that are not revoked",
  responses: { 200: { description: 'Tokens', schema: z.object({ tokens: z.array(Credential) }) } },
});

export const CreateTokenInput = noNul(z.object({ name: shortText(100).min(1) }).strict());

export const createToken = endpoint({
  method: 'post', path: '/v1/tokens', tag: 'credentials',
  summary: 'A new named API token for the caller; the secret is in this answer only',
  body: CreateTokenInput,
  responses: { 201: { description: 'The token and its secret', schema: z.object({ token: Credential, secret: z.string() }) } },
});

export const revokeToken = endpoint({
  method: 'delete', path: '/v1/tokens/:id', tag: 'credentials', params: IdParam,
  summary: "Revoke one of the caller's API tokens; idempotent",
  responses: { 200: { description: 'Revoked', schema: z.object({ ok: z.literal(true) }) } },
  errors: [404],
});

export const listDevices = endpoint({
  method: 'get', path: '/v1/devices', tag: 'credentials',
  summary: "The caller's extension devices that are not revoked",
  responses: { 200: { description: 'Devices', schema: z.object({ devices: z.array(Credential) }) } },
});

export const revokeDevice = endpoint({
  method: 'delete', path: '/v1/devices/:id', tag: 'credentials', params: IdParam,
  summary: "Revoke one of the caller's extension devices; idempotent",
  responses: { 200: { description: 'Revoked', schema: z.object({ ok: z.literal(true) }) } },
  errors: [404],
});
