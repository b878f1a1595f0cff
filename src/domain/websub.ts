// A WebSub (W3C) subscription to the hub of one polled source.
export type WebsubState = 'pending' | 'active' | 'denied';

export interface WebsubSubscription {
  readonly id: number;
  readonly sourceId: number;
  readonly hub: string;
  readonly topic: string;
  readonly callbackToken: string;
  /** HMAC key for the hub's X-Hub-Signature: a credential, never logged or shown. */
  readonly secret: string;
  readonly state: WebsubState;
  readonly leaseSeconds: number | null;
  readonly expiresAt: string | null;
  readonly renewAt: string;
  readonly requestedAt: string | null;
  readonly verifiedAt: string | null;
  readonly lastError: string | null;
}
