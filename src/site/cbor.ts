// The little of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers, byte
// and text strings, arrays and maps, all of definite length, with the shortest length encoding.
// Enough to read a file and write it back byte for byte (src/site/searchIndexOrder.ts checks that).

export type Cbor = number | string | Uint8Array | Cbor[] | CborMap | boolean | null;
export class CborMap {
  constructor(readonly entries: Array<[Cbor, Cbor]>) {}
}

export class CborError extends Error {
  override name = 'CborError';
}

export function decodeCbor(bytes: Uint8Array): Cbor {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0 || at + size > bytes.length) throw new CborError(`unsupported length encoding ${info} at byte ${at}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new CborError('unexpected end of data');
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new CborError(`unsupported simple value ${info} at byte ${at - 1}`);
    }
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        if (at + n > bytes.length) throw new CborError('string runs past the end');
        const slice = bytes.slice(at, at + n);
        at += n;
        return major === 2 ? slice : new TextDecoder('utf-8', { fatal: true }).decode(slice);
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        return new CborMap(Array.from({ length: n }, () => [item(), item()] as [Cbor, Cbor]));
      default:
        throw new CborError(`unsupported major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new CborError(`${bytes.length - at} bytes after the value`);
  return value;
}

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number): void => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push((major << 5) | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else {
      const big = BigInt(n);
      out.push((major << 5) | 27);
      for (let shift = 56n; shift >= 0n; shift -= 8n) out.push(Number((big >> shift) & 0xffn));
    }
  };
  const item = (v: Cbor): void => {
    if (v === false) out.push(0xf4);
    else if (v === true) out.push(0xf5);
    else if (v === null) out.push(0xf6);
    else if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new CborError(`cannot encode ${v}`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      head(3, bytes.length);
      out.push(...bytes);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      out.push(...v);
    } else if (v instanceof CborMap) {
      head(5, v.entries.length);
      for (const [k, x] of v.entries) {
        item(k);
        item(x);
      }
    } else {
      head(4, v.length);
      for (const x of v) item(x);
    }
  };
  item(value);
  return Uint8Array.from(out);
}
