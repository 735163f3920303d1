import { SignalValidationError } from "./errors";
import { SIGNAL_KINDS, SIGNAL_SOURCES, type FeedbackData, type ValidSignal } from "./signal";

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** `value` lowercased when it names one of `allowed` in any case (`"EVENT"`, `"Event"`), else undefined. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value !== "string") return undefined;
  const lower = value.toLowerCase();
  return allowed.find((name) => name === lower);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

function checkUnitInterval(data: FeedbackData, field: "score" | "confidence"): void {
  const value: unknown = data[field];
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new SignalValidationError(field, `must be a finite number between 0 and 1 (got ${describe(value)})`);
  }
}

function checkOptionalString(data: FeedbackData, field: "trigger_name" | "value" | "trace_id"): void {
  const value: unknown = data[field];
  if (value !== undefined && typeof value !== "string") {
    throw new SignalValidationError(field, `must be a string (got ${describe(value)})`);
  }
}

function checkMetadata(metadata: unknown): void {
  if (metadata === undefined) return;
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) {
    throw new SignalValidationError("metadata", `must be a plain object (got ${describe(metadata)})`);
  }
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
  if (data === null || typeof data !== "object") {
    throw new SignalValidationError("signal", `must be an object (got ${describe(data)})`);
  }
  const { session_id: sessionId, ...rest } = data;
  const identifiedByTrace = isNonEmptyString(data.trace_id) && (sessionId == null || (typeof sessionId === "string" && sessionId.trim() === ""));
  if (!identifiedByTrace && !isNonEmptyString(sessionId)) {
    throw new SignalValidationError(
      "session_id",
      `must be a non-empty string, or absent with trace_id set (got ${describe(sessionId)})`,
    );
  }
  const kind = data.kind === undefined ? "feedback" : oneOf(data.kind, SIGNAL_KINDS);
  if (kind === undefined) {
    throw new SignalValidationError("kind", `must be one of ${SIGNAL_KINDS.join(", ")}, in any case (got ${describe(data.kind)})`);
  }
  const source = data.source === undefined ? "human" : oneOf(data.source, SIGNAL_SOURCES);
  if (source === undefined) {
    throw new SignalValidationError("source", `must be one of ${SIGNAL_SOURCES.join(", ")}, in any case (got ${describe(data.source)})`);
  }
  checkUnitInterval(data, "score");
  checkUnitInterval(data, "confidence");
  checkOptionalString(data, "trigger_name");
  checkOptionalString(data, "value");
  checkOptionalString(data, "trace_id");
  checkMetadata(data.metadata);
  const { timestamp } = data;
  if (timestamp !== undefined && (typeof timestamp !== "string" || Number.isNaN(Date.parse(timestamp)))) {
    throw new SignalValidationError("timestamp", `must be an ISO 8601 date string (got ${describe(timestamp)})`);
  }
  // Identified by its trace alone: no session_id field at all, as Kelet's server SDK sends it.
  const base = identifiedByTrace ? rest : data;
  return { ...base, kind, source, timestamp: timestamp ?? now().toISOString() } as ValidSignal;
}
