import { describe, expect, it } from 'vitest';
import { redactUrl, splitCredentials } from './redact.ts';

describe('redactUrl', () => {
  it.each([
    ['https://alice:s3cret@wire.example/feed.xml', 'https://***:***@wire.example/feed.xml'],
    ['https://wire.example/feed?apikey=abc123&section=world', 'https://wire.example/feed?apikey=***&section=world'],
    ['https://wire.example/feed?Token=abc&api_key=x&sig=y', 'https://wire.example/feed?Token=***&api_key=***&sig=***'],
    ['https://wire.example/feed?section=world', 'https://wire.example/feed?section=world'],
    ['/var/spool/wire/feed.xml', '/var/spool/wire/feed.xml'],
    ['push:pti', 'push:pti'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe('splitCredentials', () => {
  it('moves user info into a Basic authorization header, percent-decoded', () => {
    expect(splitCredentials('https://alice:p%40ss@wire.example/feed')).toEqual({ url: 'https://wire.example/feed', authorization: `Basic ${Buffer.from('alice:p@ss').toString('base64')}` });
  });
  it('leaves a URL without credentials alone', () => {
    expect(splitCredentials('https://wire.example/feed')).toEqual({ url: 'https://wire.example/feed' });
  });
});
