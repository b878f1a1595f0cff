import { fetchFile } from './file-fetch.ts';
import { fetchHttp, type HttpFetchOptions } from './http-fetch.ts';
import type { FetchOutcome, Validators } from './fetch-outcome.ts';

export type { FetchOutcome, FetchedBody, Validators } from './fetch-outcome.ts';

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Fetches an input that is either an http(s) URL or a local path. */
export function fetchInput(input: string, validators?: Validators, opts?: HttpFetchOptions): Promise<FetchOutcome> {
  return isUrl(input) ? fetchHttp(input, validators, opts) : fetchFile(input, validators);
}
