import { commonEnds, toIds } from "./sequence";

/** One line of a line diff: kept, removed from the old text, or added in the new one. */
export interface LineOp {
  op: "=" | "-" | "+";
  line: string;
}

/**
 * Beyond this many line edits the middle is reported as "all old lines
 * removed, all new lines added" (still a correct diff, just not minimal):
 * Myers' trace grows with the square of the edit count.
 */
export const MAX_LINE_EDITS = 1000;

/** Lines of a text; an empty text has none. */
export function splitLines(text: string): string[] {
  return text === "" ? [] : text.split("\n");
}

const opsOf = (op: LineOp["op"], lines: string[]): LineOp[] => lines.map((line) => ({ op, line }));

/**
 * Line diff (Myers 1986, the greedy O(ND) algorithm) after trimming the
 * common leading and trailing lines.
 */
export function diffLines(before: string[], after: string[]): LineOp[] {
  const [prefix, suffix] = commonEnds(before, after);
  const middle = myers(before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix));
  return [...opsOf("=", before.slice(0, prefix)), ...middle, ...opsOf("=", before.slice(before.length - suffix))];
}

function myers(a: string[], b: string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  // Lines as integers, so the snake loop compares numbers.
  const vocabulary = new Map<string, number>();
  const idsA = toIds(a, vocabulary);
  const idsB = toIds(b, vocabulary);
  // With one side empty the answer is the fallback's.
  const limit = n && m ? Math.min(n + m, MAX_LINE_EDITS) : -1;
  // v[offset + k]: the furthest x reached on diagonal k = x - y; trace[d]: v for k in [-d - 1, d + 1] as it was before step d.
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  /** Whether diagonal `k` is reached in step `d` by an insertion (from k + 1) rather than a deletion (from k - 1). */
  const fromInsert = (v: Int32Array, at: number, d: number, k: number) => k === -d || (k !== d && v[at + k - 1]! < v[at + k + 1]!);
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = fromInsert(v, offset, d, k) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && idsA[x] === idsB[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x < n || y < m) continue;
      // Walk the trace back from the end: each step is a snake of kept lines, after the one line inserted or deleted.
      const reversed: LineOp[] = [];
      for (y = m; d >= 0; d--) {
        const before = trace[d]!;
        const insert = fromInsert(before, d + 1, d, (k = x - y));
        const snakeStart = insert ? before[d + k + 2]! : before[d + k]! + 1;
        while (x > snakeStart) {
          y--;
          reversed.push({ op: "=", line: a[--x]! });
        }
        if (d > 0) reversed.push(insert ? { op: "+", line: b[--y]! } : { op: "-", line: a[--x]! });
      }
      return reversed.reverse();
    }
  }
  return [...opsOf("-", a), ...opsOf("+", b)];
}

/** Changed lines longer than this are cut to a window around the change. */
export const MAX_LINE_CHARS = 240;
/** Unchanged characters shown on each side of a change in a cut line. */
const CONTEXT_CHARS = 60;
/** Characters of a long changed span shown at its start and at its end. */
const SPAN_EDGE_CHARS = 80;

const cutMarker = (count: number) => `…[${count} chars]…`;

/**
 * `line` as shown in the diff: a long one keeps only a window around the
 * span where it differs from `partner` (the line it replaces or is
 * replaced by; none for a line only added or removed), the rest replaced by
 * markers.
 */
function windowLine(line: string, partner = ""): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  const [from, suffix] = commonEnds(line, partner);
  const to = line.length - suffix;
  // A cut index, at least 0 and moved off the middle of a surrogate pair (past the end, `slice` clamps it).
  const cut = (index: number) => (index <= 0 ? 0 : (line.charCodeAt(index) & 0xfc00) === 0xdc00 ? index + 1 : index);
  let shownFrom = cut(from - CONTEXT_CHARS);
  let text = shownFrom > 0 ? cutMarker(shownFrom) : "";
  if (to - from > 2 * SPAN_EDGE_CHARS + 40) {
    const spanHeadEnd = cut(from + SPAN_EDGE_CHARS);
    const spanTailStart = cut(to - SPAN_EDGE_CHARS);
    text += line.slice(shownFrom, spanHeadEnd) + cutMarker(spanTailStart - spanHeadEnd);
    shownFrom = spanTailStart;
  }
  const shownTo = cut(to + CONTEXT_CHARS);
  return text + line.slice(shownFrom, shownTo) + (shownTo < line.length ? cutMarker(line.length - shownTo) : "");
}

/**
 * The `"git"` value: only the `-`/`+` lines of the diff, no headers or
 * context. In each block of changed lines the i-th removed line is paired
 * with the i-th added one, and a long line is cut to a window around the
 * span where the pair differs (`…[N chars]…` marks what was cut).
 */
export function formatGitLines(ops: LineOp[]): string {
  const out: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const endBlock = () => {
    removed.forEach((line, r) => out.push(`-${windowLine(line, added[r])}`));
    added.forEach((line, r) => out.push(`+${windowLine(line, removed[r])}`));
    removed = [];
    added = [];
  };
  for (const { op, line } of ops) {
    if (op === "=") endBlock();
    else (op === "-" ? removed : added).push(line);
  }
  endBlock();
  return out.join("\n");
}
