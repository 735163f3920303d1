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

/**
 * Line diff (Myers 1986, the greedy O(ND) algorithm) after trimming the
 * common leading and trailing lines.
 */
export function diffLines(before: string[], after: string[]): LineOp[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: LineOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: "=", line: before[i]! });
  const middle = myers(before.slice(start, endA), after.slice(start, endB));
  for (const op of middle) ops.push(op);
  for (let i = endA; i < before.length; i++) ops.push({ op: "=", line: before[i]! });
  return ops;
}

function myers(a: string[], b: string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...a.map((line) => ({ op: "-" as const, line })), ...b.map((line) => ({ op: "+" as const, line }))];
  // Lines as integers, so the snake loop compares numbers.
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const x1 = Int32Array.from(a, idOf);
  const y1 = Int32Array.from(b, idOf);
  const limit = Math.min(n + m, MAX_LINE_EDITS);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && x1[x] === y1[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...a.map((line) => ({ op: "-" as const, line })), ...b.map((line) => ({ op: "+" as const, line }))];

  // Walk the trace back from (n, m); trace[d] holds v for k in [-d-1, d+1] as it was before step d.
  const reversed: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const fromInsert = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = fromInsert ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > (fromInsert ? prevX : prevX + 1) && y > (fromInsert ? prevY + 1 : prevY)) {
      x--;
      y--;
      reversed.push({ op: "=", line: a[x]! });
    }
    if (fromInsert) {
      y--;
      reversed.push({ op: "+", line: b[y]! });
    } else {
      x--;
      reversed.push({ op: "-", line: a[x]! });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    reversed.push({ op: "=", line: a[x]! });
  }
  return reversed.reverse();
}

/** Changed lines longer than this are cut to a window around the change. */
export const MAX_LINE_CHARS = 240;
/** Unchanged characters shown on each side of a change in a cut line. */
const CONTEXT_CHARS = 60;
/** Characters of a long changed span shown at its start and at its end. */
const SPAN_EDGE_CHARS = 80;

const cutMarker = (count: number) => `…[${count} chars]…`;

/** Moves a cut off the middle of a surrogate pair. */
function safeCut(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

/** `line` with only a window around its changed span `[from, to)` kept, the rest replaced by markers. */
export function windowLine(line: string, from: number, to: number): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  const parts: string[] = [];
  const head = safeCut(line, from - CONTEXT_CHARS);
  if (head > 0) parts.push(cutMarker(head));
  if (to - from > 2 * SPAN_EDGE_CHARS + 40) {
    const spanHeadEnd = safeCut(line, from + SPAN_EDGE_CHARS);
    const spanTailStart = safeCut(line, to - SPAN_EDGE_CHARS);
    parts.push(line.slice(head, spanHeadEnd), cutMarker(spanTailStart - spanHeadEnd));
    const tail = safeCut(line, to + CONTEXT_CHARS);
    parts.push(line.slice(spanTailStart, tail));
    if (tail < line.length) parts.push(cutMarker(line.length - tail));
  } else {
    const tail = safeCut(line, to + CONTEXT_CHARS);
    parts.push(line.slice(head, tail));
    if (tail < line.length) parts.push(cutMarker(line.length - tail));
  }
  return parts.join("");
}

/**
 * The `"git"` value: only the `-`/`+` lines of the diff, no headers or
 * context. In each block of changed lines the i-th removed line is paired
 * with the i-th added one, and a long line is cut to a window around the
 * span where the pair differs (`…[N chars]…` marks what was cut).
 */
export function formatGitLines(ops: LineOp[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.op === "=") {
      i++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < ops.length && ops[i]!.op !== "=") {
      const { op, line } = ops[i]!;
      (op === "-" ? removed : added).push(line);
      i++;
    }
    const spans = removed.map((line, r) => changedSpans(line, added[r]));
    removed.forEach((line, r) => out.push(`-${windowLine(line, spans[r]!.old[0], spans[r]!.old[1])}`));
    added.forEach((line, r) => {
      const span = r < removed.length ? spans[r]!.new : ([0, line.length] as const);
      out.push(`+${windowLine(line, span[0], span[1])}`);
    });
  }
  return out.join("\n");
}

function changedSpans(oldLine: string, newLine: string | undefined): { old: readonly [number, number]; new: readonly [number, number] } {
  if (newLine === undefined) return { old: [0, oldLine.length], new: [0, 0] };
  const limit = Math.min(oldLine.length, newLine.length);
  let prefix = 0;
  while (prefix < limit && oldLine.charCodeAt(prefix) === newLine.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldLine.charCodeAt(oldLine.length - 1 - suffix) === newLine.charCodeAt(newLine.length - 1 - suffix)) suffix++;
  return { old: [prefix, oldLine.length - suffix], new: [prefix, newLine.length - suffix] };
}
