/**
 * Deterministic prose for the bench: pseudo-random sentences from a fixed
 * vocabulary, wrapped at about 80 characters, with blank lines between
 * paragraphs. The same seed always gives the same text.
 */
const WORDS = (
  "the a an and or but of to in on for with as at by from that this these those it its we you they he she " +
  "model answer user question result data system time people work report team customer support order " +
  "refund policy account payment delivery product service issue request update change review draft " +
  "summary section paragraph sentence example detail reason value number price plan month week day " +
  "is are was were be been has have had do does did can could will would should may might must " +
  "make made take took give gave find found think know see look use used need want ask tell show " +
  "new good first last long great little own other old right big high different small large next " +
  "early young important few public bad same able clear simple quick careful helpful accurate " +
  "however therefore because although while when where which who what how why also only still " +
  "again already always never often sometimes usually quite very rather almost enough perhaps"
).split(" ");

/** mulberry32: a small, fast, seedable generator. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `length` characters of prose (cut to exactly `length`). */
export function prose(length: number, seed: number, lineWidth = 80): string {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const lines: string[] = [];
  let line = "";
  let total = 0;
  let sentenceLeft = 0;
  while (total + line.length < length + 200) {
    let word = pick();
    if (sentenceLeft === 0) {
      sentenceLeft = 6 + Math.floor(next() * 14);
      word = word[0]!.toUpperCase() + word.slice(1);
    }
    sentenceLeft--;
    if (sentenceLeft === 0) word += next() < 0.85 ? "." : next() < 0.5 ? "?" : "!";
    else if (next() < 0.08) word += ",";
    if (lineWidth > 0 && line.length + word.length + 1 > lineWidth) {
      lines.push(line);
      total += line.length + 1;
      line = "";
      if (next() < 0.12) {
        lines.push("");
        total += 1;
      }
    }
    line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join("\n").slice(0, length);
}

/** `text` with 10 characters in the middle replaced. */
export function smallEdit(text: string): string {
  const at = Math.floor(text.length / 2);
  return `${text.slice(0, at)}EDITED-10!${text.slice(at + 10)}`;
}

/** `text` with its middle half (25 % to 75 %) rewritten as other prose of the same length. */
export function halfRewrite(text: string, seed: number, lineWidth = 80): string {
  const from = Math.floor(text.length / 4);
  const to = Math.floor((text.length * 3) / 4);
  return text.slice(0, from) + prose(to - from, seed, lineWidth) + text.slice(to);
}
