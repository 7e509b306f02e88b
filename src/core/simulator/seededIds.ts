// Seeded, serializable randomness: every draw is a pure function of (seed, counter), so a snapshot only
// needs the counter and the demo tenant gets the same GUIDs every time.

/** 32-bit FNV-1a of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32-style finalizer: a well-mixed 32-bit value from two inputs. */
function mix(a: number, b: number): number {
  let z = (a + Math.imul(b, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
const DASH = 45;
/** Reused scratch: 36 char codes, dashes at 8, 13, 18, 23. */
const GUID_CODES: number[] = Array.from({ length: 36 }, (_, i) =>
  i === 8 || i === 13 || i === 18 || i === 23 ? DASH : 48,
);

/** Writes 8 hex digits of a 32-bit value at `at`. */
function put(o: number[], at: number, v: number): void {
  for (let i = 7; i >= 0; i--) {
    o[at + i] = HEX_CODES[v & 15];
    v >>>= 4;
  }
}

/** Writes 4 hex digits of a 16-bit value at `at`. */
function put16(o: number[], at: number, v: number): void {
  for (let i = 3; i >= 0; i--) {
    o[at + i] = HEX_CODES[v & 15];
    v >>>= 4;
  }
}

/** A deterministic stream of GUIDs and floats; `counter` is the only state to persist. */
export class SeededSource {
  private readonly seedHash: number;
  constructor(
    readonly seed: string,
    public counter = 0,
  ) {
    this.seedHash = hashString(seed);
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    return mix(this.seedHash, this.counter++);
  }

  /** Uniform float in [0, 1). */
  random(): number {
    return this.nextUint32() / 4294967296;
  }

  /** RFC 4122 version-4 shaped GUID, built flat from char codes (a `+` chain would keep ~15 cons-string nodes alive per id). */
  guid(): string {
    const a = this.nextUint32(),
      b = this.nextUint32(),
      c = this.nextUint32(),
      d = this.nextUint32();
    const o = GUID_CODES;
    put(o, 0, a);
    put16(o, 9, b >>> 16);
    put16(o, 14, (b & 0x0fff) | 0x4000);
    put16(o, 19, ((c >>> 16) & 0x3fff) | 0x8000);
    put16(o, 24, c & 0xffff);
    put(o, 28, d);
    return String.fromCharCode.apply(null, o);
  }
}
