import { SignalValidationError, toError } from "./errors";
import { SignalKind, SignalSource, type FeedbackData, type SignalData, type ValidSignal } from "./signal";

/** A string with something besides whitespace. */
export const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** What the app gave, for a development message: a string (cut at 40 characters), a number or the like as written, else its type. */
function describe(value: unknown): string {
  const type = typeof value;
  if (type === "string") return JSON.stringify((value as string).length > 40 ? `${(value as string).slice(0, 40)}…` : value);
  if (value == null || type === "number" || type === "boolean") return String(value);
  if (type === "bigint") return `${value}n`;
  return Array.isArray(value) ? "an array" : `a ${type}`;
}

/** Throws the error naming `field` and what it must be; in development also what it got (a production bundle drops that). */
function fail(field: string, mustBe: string, value: unknown): never {
  let problem = `must be ${mustBe}`;
  try {
    if (process.env.NODE_ENV !== "production") problem += ` (got ${describe(value)})`;
  } catch {
    problem += ` (got ${describe(value)})`; // No bundler, no `process`: development.
  }
  throw new SignalValidationError(field, problem);
}

/** Optional fields: when present, each must pass its test (checked in this order; the first bad one is named). */
const FIELD_RULES: [fields: (keyof FeedbackData)[], mustBe: string, isValid: (value: any) => unknown][] = [
  // NaN and ±Infinity fail the range test too.
  [["score", "confidence"], "a finite number between 0 and 1", (value) => typeof value === "number" && value >= 0 && value <= 1],
  [["trigger_name", "value", "trace_id"], "a string", (value) => typeof value === "string"],
  // JSON.stringify throws on what cannot be sent (cycles, BigInt): its reason goes into the message.
  [["metadata"], "a JSON-serialisable plain object", (value) => value && typeof value === "object" && !Array.isArray(value) && (JSON.stringify(value), true)],
  [["timestamp"], "an ISO 8601 date string", (value) => typeof value === "string" && !Number.isNaN(Date.parse(value))],
];

/**
 * `value` lowercased when it names one of `named` in any case (`"EVENT"`, `"Event"`);
 * absent: the first (`"feedback"`, `"human"`), the default.
 */
function oneOf<T extends string>(field: "kind" | "source", named: Record<string, T>, value: unknown): T {
  const allowed = Object.values(named);
  if (value === undefined) return allowed[0]!;
  return allowed.find((name) => typeof value === "string" && name === value.toLowerCase()) ?? fail(field, `one of ${allowed.join(", ")}, in any case`, value);
}

/**
 * Checks a signal against the contract and returns it with defaults applied
 * (`kind` "feedback", `source` "human", `timestamp` now) and `kind` and
 * `source` lowercased (they are accepted in any case, as Kelet's server SDKs
 * accept them). A signal needs a `session_id`, or a `trace_id` instead: one
 * identified by its trace alone is sent without `session_id`.
 * Throws a {@link SignalValidationError} naming the first bad field.
 */
export function validateSignal(data: SignalData, now: () => Date = () => new Date()): ValidSignal {
  if (data === null || typeof data !== "object") fail("signal", "an object", data);
  const { session_id: sessionId, ...rest } = data;
  const noSession = sessionId == null || (typeof sessionId === "string" && !sessionId.trim());
  const identifiedByTrace = noSession && isNonEmptyString(data.trace_id);
  if (!identifiedByTrace && !isNonEmptyString(sessionId)) fail("session_id", "a non-empty string, or absent with trace_id set", sessionId);
  const kind = oneOf("kind", SignalKind, data.kind);
  const source = oneOf("source", SignalSource, data.source);
  for (const [fields, mustBe, isValid] of FIELD_RULES) {
    for (const field of fields) {
      const value = data[field];
      let valid = value === undefined;
      try {
        valid ||= !!isValid(value);
      } catch (cause) {
        fail(field, `${mustBe}: ${toError(cause).message}`, value);
      }
      if (!valid) fail(field, mustBe, value);
    }
  }
  // Identified by its trace alone: no session_id field at all, as Kelet's server SDK sends it.
  return { ...(identifiedByTrace ? rest : data), kind, source, timestamp: data.timestamp ?? now().toISOString() } as ValidSignal;
}
