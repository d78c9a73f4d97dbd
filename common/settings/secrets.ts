/**
 * Secrets never belong in the settings file: it is shared with whoever gets
 * the spec, and Rewst's wizard uses what is entered there as the default for
 * every configuration of the integration. Pure functions, shared with the webview.
 */

/** Keys that name a secret outright. */
const SECRET_KEY =
  /^(x[-_]?)?(api[-_]?key(value)?|apikey|password|passwd|pwd|secret|client[-_]?secret|access[-_]?token|refresh[-_]?token|id[-_]?token|bearer[-_]?token|auth[-_]?token|token|private[-_]?key|credentials?|signing[-_]?key)$/i;
/** Keys that name an account detail: not secret as such, but each configuration in Rewst sets its own. */
const ACCOUNT_KEY = /^(user(name)?|login|client[-_]?id|app[-_]?id|tenant[-_]?id|account[-_]?id)$/i;
/** Header names whose value is a credential. */
const CREDENTIAL_HEADER = /authorization|api[-_]?key|token|secret|password|cookie|session|signature|credential/i;
/** Well-known shapes of real keys and tokens. */
const SECRET_VALUE = [
  /\b[sr]k_(live|test)_[0-9A-Za-z]{10,}/, // Stripe
  /\bgh[pousr]_[A-Za-z0-9]{30,}/, // GitHub
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/, // Slack
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, // a JWT
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{16,}/, // a credential after its scheme word
];

export type SecretKind = 'secret' | 'account';

export function secretKindOfKey(key: string): SecretKind | undefined {
  if (SECRET_KEY.test(key)) return 'secret';
  if (ACCOUNT_KEY.test(key)) return 'account';
  return undefined;
}

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name);
}

export function looksLikeSecretValue(value: string): boolean {
  return SECRET_VALUE.some((re) => re.test(value));
}

export const SECRET_WHY =
  "Secrets never go in the settings file: whoever gets the file would get them, and Rewst uses the wizard's authentication defaults for every configuration of the integration, in your parent organization and its child organizations. Enter it in Rewst when you install the integration.";
