import { createHash, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { pureSha256Hex, sha256, sha256Hex } from './sha256';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** WebCrypto as the browser has it (global in Node 20; node:crypto's copy if a test environment hides it). */
const subtle = (globalThis.crypto ?? webcrypto).subtle;
async function webSha256(text: string): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Strings of any code points (lone surrogates included), ASCII, and lengths around the padding edges. */
const texts: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }),
  // ASCII strings of exactly 0..2 blocks ± a few bytes: 55 and 56 bytes are the one/two-block edge.
  fc
    .constantFrom(0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 121, 127, 128, 129)
    .chain((n) => fc.string({ unit: 'binary-ascii', minLength: n, maxLength: n })),
  // Multi-byte characters that straddle the same edges.
  fc
    .tuple(
      fc.string({ unit: 'binary-ascii', minLength: 50, maxLength: 66 }),
      fc.constantFrom('é', '€', '😀', '\u{10FFFF}', '\uD800'),
    )
    .map(([ascii, wide]) => ascii + wide),
);

describe.each([
  ['sha256Hex (node:crypto on Node)', sha256Hex as (text: string) => string],
  ['pureSha256Hex (what the browser runs)', pureSha256Hex],
])('%s', (_name, hashHex) => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(hashHex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashHex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashHex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      hashHex(
        'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(hashHex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('hashes UTF-8 bytes', () => {
    expect(hashHex('é')).toBe(nodeSha256('é'));
    expect(Buffer.from(sha256(new Uint8Array([0xc3, 0xa9]))).toString('hex')).toBe(hashHex('é'));
  });

  it('equals node:crypto for arbitrary strings, including lengths around 55/56/64 bytes', () => {
    const lengths = new Set<number>();
    fc.assert(
      fc.property(texts, (text) => {
        lengths.add(utf8Length(text));
        expect(hashHex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 2_000 },
    );
    for (const edge of [55, 56, 64]) expect(lengths.has(edge)).toBe(true);
  });

  it('equals WebCrypto (the browser) for arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        expect(hashHex(text)).toBe(await webSha256(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('every byte length from 0 to 200 equals node:crypto', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
  });
});

/** The same JSON value with every object's keys in a different order. */
function reorder(value: unknown, pick: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, pick));
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(pick(Object.keys(source)).map((key) => [key, reorder(source[key], pick)]));
  }
  return value;
}

const jsonValues = fc.jsonValue({ maxDepth: 4 });

describe('canonicalJson', () => {
  it('matches known vectors', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { e: 1.5, d: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"d":0,"e":1.5}}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson('line\nbreak "quoted" \u2028')).toBe('"line\\nbreak \\"quoted\\" \u2028"');
    expect(canonicalJson([1e21, 1e-7, 0.1, -5, 2 ** 53, 123456789.125])).toBe(
      '[1e+21,1e-7,0.1,-5,9007199254740992,123456789.125]',
    );
    // Keys sorted by UTF-16 code units: "A" < "a" < "z" < "é" < "😀" (a surrogate pair) < "\uffff".
    expect(canonicalJson({ '\uffff': 6, '😀': 5, é: 4, z: 3, a: 2, A: 1 })).toBe(
      '{"A":1,"a":2,"z":3,"é":4,"😀":5,"\uffff":6}',
    );
    expect(canonicalJson({ '10': 1, '9': 2, '': 3 })).toBe('{"":3,"10":1,"9":2}');
    expect(sha256Hex(canonicalJson({ name: 'Arbiter', version: 1 }))).toBe(
      nodeSha256('{"name":"Arbiter","version":1}'),
    );
  });

  it('drops undefined properties and writes undefined list items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('rejects NaN, Infinity and values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [1, Number.POSITIVE_INFINITY] })).toThrow(/Infinity/);
    expect(() => canonicalJson({ a: Number.NEGATIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(jsonValues, fc.func(fc.boolean()), (value, coin) => {
        const reversed = reorder(value, (keys) => [...keys].reverse());
        const shuffled = reorder(value, (keys) => [...keys].sort((a, b) => (coin(a, b) ? 1 : -1)));
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
      }),
      { numRuns: 1_000 },
    );
  });

  it('is JSON that parses back to the same value, and canonical again', () => {
    fc.assert(
      fc.property(jsonValues, (value) => {
        const text = canonicalJson(value);
        // JSON has no -0: like JSON.stringify, canonical JSON writes it as 0.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        // Without integer-like keys (which JavaScript always enumerates first), it is JSON.stringify
        // of a copy whose keys were inserted in sorted order.
        if (!/"\d+":/.test(text))
          expect(text).toBe(JSON.stringify(reorder(value, (keys) => [...keys].sort())));
      }),
      { numRuns: 1_000 },
    );
  });
});
