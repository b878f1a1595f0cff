import { describe, expect, it } from 'vitest';
import { hashFields, sha256Hex, shortHash } from './hash.ts';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['é', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'],
  ])('hashes %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });
});

describe('hashFields', () => {
  it('keeps field boundaries', () => {
    expect(hashFields(['ab', 'c'])).not.toBe(hashFields(['a', 'bc']));
  });
  it('tells an absent field from an empty one', () => {
    expect(hashFields([undefined])).not.toBe(hashFields(['']));
  });
  it('is stable', () => {
    expect(hashFields(['a', undefined, 'b'])).toBe(hashFields(['a', undefined, 'b']));
  });
});

describe('shortHash', () => {
  it('takes the leading hex digits', () => {
    expect(shortHash('abc', 6)).toBe('ba7816');
  });
});
