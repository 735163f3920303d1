import type { Random } from "./prng";

/** Text in one of the scripts users type: ASCII, CJK (3 UTF-8 bytes a character), emoji (surrogate pairs), or a mix. */
export function randomText(random: Random, length: number): string {
  const script = random.pick(["ascii", "cjk", "emoji", "mixed"] as const);
  const pieces: string[] = [];
  let units = 0;
  while (units < length) {
    const kind = script == "mixed" ? random.pick(["ascii", "cjk", "emoji", "accent"] as const) : script;
    const piece =
      kind == "ascii"
        ? String.fromCharCode(random.int(32, 126))
        : kind == "cjk"
          ? String.fromCharCode(random.int(0x4e00, 0x9fff))
          : kind == "emoji"
            ? String.fromCodePoint(random.int(0x1f300, 0x1f64f))
            : String.fromCharCode(random.int(0xc0, 0x17f));
    pieces.push(piece);
    units += piece.length;
  }
  return pieces.join("");
}

/** Mostly short, sometimes long, now and then far over the 32 KiB cap. */
export function randomTextLength(random: Random): number {
  const roll = random.next();
  return roll < 0.6 ? random.int(0, 120) : roll < 0.85 ? random.int(120, 3_000) : roll < 0.95 ? random.int(3_000, 12_000) : random.int(12_000, 40_000);
}
