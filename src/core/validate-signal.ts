import { SignalValidationError } from "./errors";
import { SIGNAL_KINDS, SIGNAL_SOURCES, type FeedbackData, type ValidSignal } from "./signal";

/** A string with something besides whitespace. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** Throws the error naming `field`, what it must be, and what it got. */
function fail(field: string, problem: string, value: unknown): never {
  throw new SignalValidationError(field, `${problem} (got ${describe(value)})`);
}

/**
 * `data[field]` lowercased when it names one of `allowed` in any case (`"EVENT"`, `"Event"`);
 * absent: the first of `allowed` (`"feedback"`, `"human"`), the default.
 */
function oneOf<T extends string>(data: FeedbackData, field: "kind" | "source", allowed: readonly T[]): T {
  const value: unknown = data[field];
  if (value === undefined) return allowed[0]!;
  const found = typeof value === "string" ? allowed.find((name) => name === value.toLowerCase()) : undefined;
  return found ?? fail(field, `must be one of ${allowed.join(", ")}, in any case`, value);
}

function checkMetadata(metadata: unknown): void {
  if (metadata === undefined) return;
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) fail("metadata", "must be a plain object", metadata);
  try {
    JSON.stringify(metadata);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SignalValidationError("metadata", `must be JSON-serialisable (${reason})`);
  }
}

/**
 * Checks a signal against the contract and returns it with defaults applied
 * (`kind` "feedback", `source` "human", `timestamp` now) and `kind` and
 * `source` lowercased (they are accepted in any case, as Kelet's server SDKs
 * accept them). A signal needs a `session_id`, or a `trace_id` instead: one
 * identified by its trace alone is sent without `session_id`.
 * Throws a {@link SignalValidationError} naming the first bad field.
 */
export function validateSignal(data: FeedbackData, now: () => Date = () => new Date()): ValidSignal {
  if (data === null || typeof data !== "object") fail("signal", "must be an object", data);
  const { session_id: sessionId, ...rest } = data;
  const identifiedByTrace = isNonEmptyString(data.trace_id) && (sessionId == null || (typeof sessionId === "string" && sessionId.trim() === ""));
  if (!identifiedByTrace && !isNonEmptyString(sessionId)) fail("session_id", "must be a non-empty string, or absent with trace_id set", sessionId);
  const kind = oneOf(data, "kind", SIGNAL_KINDS);
  const source = oneOf(data, "source", SIGNAL_SOURCES);
  for (const field of ["score", "confidence"] as const) {
    const value: unknown = data[field];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1)) {
      fail(field, "must be a finite number between 0 and 1", value);
    }
  }
  for (const field of ["trigger_name", "value", "trace_id"] as const) {
    const value: unknown = data[field];
    if (value !== undefined && typeof value !== "string") fail(field, "must be a string", value);
  }
  checkMetadata(data.metadata);
  const { timestamp } = data;
  if (timestamp !== undefined && (typeof timestamp !== "string" || Number.isNaN(Date.parse(timestamp)))) {
    fail("timestamp", "must be an ISO 8601 date string", timestamp);
  }
  // Identified by its trace alone: no session_id field at all, as Kelet's server SDK sends it.
  const base = identifiedByTrace ? rest : data;
  return { ...base, kind, source, timestamp: timestamp ?? now().toISOString() } as ValidSignal;
}
