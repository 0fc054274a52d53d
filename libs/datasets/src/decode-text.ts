import { TextDecoder } from 'node:util';

export type DatasetEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1';

export const ENCODINGS: readonly DatasetEncoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'latin1',
];

/** Turns byte chunks into text, keeping characters split across chunk boundaries whole. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** A byte-order mark is consumed by the decoder, so it never becomes part of the first column's name. */
export function createDecoder(encoding: DatasetEncoding): ChunkDecoder {
  if (encoding === 'windows-1252' || encoding === 'latin1')
    return new SingleByteDecoder(encoding === 'windows-1252');
  const decoder = new TextDecoder(encoding);
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

// Bytes 0x80–0x9F in Windows-1252; the five undefined ones keep their Latin-1 code point, as browsers do.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

class SingleByteDecoder implements ChunkDecoder {
  constructor(private readonly windows1252: boolean) {}

  write(bytes: Uint8Array): string {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!this.windows1252) return text;
    return text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
  }

  end(): string {
    return '';
  }
}
