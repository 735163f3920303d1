import { logOnce } from "../console-once";
import { nowMs, STORED_SIGNAL_MAX_AGE_MS } from "./constants";

/** The items of one JSON list in `localStorage` that can be used, and how many could not. */
export interface ReadList<T> {
  items: T[];
  /** Items (or a whole value that is not a list) read and left out: unreadable, or past their age. */
  dropped: number;
}

/** What a saved item must hold to be used; `timeField` is when it was made. */
export interface ListShape {
  timeField: "queuedAtMs" | "atMs";
  /** The fields besides the time that must be strings. */
  strings: readonly string[];
  /** A field holding JSON that must parse to an object (a signal body). */
  jsonObject?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value == "object" && !Array.isArray(value);

function readable(item: unknown, { timeField, strings, jsonObject }: ListShape): boolean {
  if (!isObject(item) || !Number.isFinite(item[timeField]) || strings.some((field) => typeof item[field] != "string")) return false;
  if (!jsonObject) return true;
  try {
    return isObject(JSON.parse(item[jsonObject] as string));
  } catch {
    return false;
  }
}

/** One warning per page in development: the records are gone, and the developer should know why. */
function warnUnreadable(key: string): void {
  try {
    if (process.env.NODE_ENV === "production") return;
  } catch {
    // No bundler, no `process`: development.
  }
  logOnce("warn", "kelet:unreadable-saved", `[kelet] dropped unreadable saved data under "${key}" (written by something else, or damaged); every readable saved signal is still sent`);
}

/**
 * The unexpired, readable items of a JSON list in `localStorage`, each read on its own: one damaged item costs only
 * itself. Throws only when storage itself does (disabled or missing), for the caller to keep to memory.
 */
export function readList<T>(key: string, shape: ListShape): ReadList<T> {
  const raw = localStorage.getItem(key);
  if (raw === null) return { items: [], dropped: 0 };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    // A value that is not JSON: nothing in it can be read.
  }
  if (!Array.isArray(list)) {
    warnUnreadable(key);
    return { items: [], dropped: 1 };
  }
  const cutoffMs = nowMs() - STORED_SIGNAL_MAX_AGE_MS;
  const items = list.filter((item) => readable(item, shape));
  if (items.length < list.length) warnUnreadable(key);
  const unexpired = items.filter((item: Record<string, number>) => item[shape.timeField]! >= cutoffMs) as T[];
  return { items: unexpired, dropped: list.length - unexpired.length };
}

export const SIGNAL_LIST: ListShape = { timeField: "queuedAtMs", strings: ["id", "body"], jsonObject: "body" };
export const CLAIM_LIST: ListShape = { timeField: "atMs", strings: ["id", "by"] };

/** This library's lists in `localStorage`, by the prefix of their keys. */
const LIST_PREFIXES: ReadonlyArray<[string, ListShape]> = [
  ["kelet:unsent:", SIGNAL_LIST],
  ["kelet:claimed:", CLAIM_LIST],
];

/**
 * Deletes every saved signal and claim record past its age (and whatever cannot be read) from every list this
 * library wrote, whatever its destination: a rotated key or a renamed project leaves no typed text behind.
 */
export function deleteExpiredSaved(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index));
    for (const key of keys) {
      const shape = LIST_PREFIXES.find(([prefix]) => key?.startsWith(prefix))?.[1];
      if (!key || !shape) continue;
      const { items, dropped } = readList(key, shape);
      if (!dropped) continue;
      if (items.length) localStorage.setItem(key, JSON.stringify(items));
      else localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled or missing: nothing can be deleted, and nothing read from it either.
  }
}
