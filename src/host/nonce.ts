/** A fresh nonce for each webview page: 24 random bytes, base64 (CSP nonces must be unguessable). */
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(24).toString('base64');
}
