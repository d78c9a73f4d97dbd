/**
 * Which credentials a settings' auth method needs, in the order to ask them:
 * what the editor's Try Action asks once per integration (the CLI reads the
 * same from REWST_* variables). Authenticator's check (auth.ts) refuses a try
 * that lacks one of them.
 */
import { grantTypeOf, OAUTH_METHODS, type AuthSettings } from '../settings';
import type { Credentials } from './types';

export interface CredentialNeed {
  field: keyof Credentials;
  label: string;
  secret: boolean;
}

const NEED: Record<keyof Credentials, CredentialNeed> = {
  apiKey: { field: 'apiKey', label: 'API key', secret: true },
  username: { field: 'username', label: 'Username', secret: false },
  password: { field: 'password', label: 'Password', secret: true },
  clientId: { field: 'clientId', label: 'OAuth client ID', secret: false },
  clientSecret: { field: 'clientSecret', label: 'OAuth client secret', secret: true },
  accessToken: { field: 'accessToken', label: "Access token (from the vendor's console or a browser sign-in)", secret: true },
};

/** Where the CLI reads each credential: the environment only, never a flag (it would sit in the shell's history). */
export const CREDENTIAL_ENV: Record<keyof Credentials, string> = {
  apiKey: 'REWST_API_KEY',
  username: 'REWST_USERNAME',
  password: 'REWST_PASSWORD',
  clientId: 'REWST_CLIENT_ID',
  clientSecret: 'REWST_CLIENT_SECRET',
  accessToken: 'REWST_ACCESS_TOKEN',
};

export function credentialsNeeded(auth: AuthSettings | undefined): CredentialNeed[] {
  const method = auth?.method ?? 'none';
  const fields: Array<keyof Credentials> = [];
  if (method === 'api-key') fields.push('apiKey');
  else if (method === 'basic') fields.push('username', 'password');
  else if (OAUTH_METHODS.has(method)) {
    const grant = grantTypeOf(auth);
    // The authorization code grant (or none named) cannot be run from here: a token got elsewhere is used as is.
    if (grant === 'authorization_code' || grant === undefined) fields.push('accessToken');
    else fields.push('clientId', 'clientSecret', ...(grant === 'password' ? (['username', 'password'] as const) : []));
  }
  return fields.map((f) => NEED[f]);
}
