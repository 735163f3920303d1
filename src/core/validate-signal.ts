import { SignalValidationError } from "./errors";
import { SIGNAL_KINDS, SIGNAL_SOURCES, type FeedbackData, type ValidSignal } from "./signal";

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
 * (`kind` "feedback", `source` "human", `timestamp` now).
 * Throws a {@link SignalValidationError} naming the first bad field.
 */
export function validateSignal(data: FeedbackData, now: () => Date = () => new Date()): ValidSignal {
  if (data === null || typeof data !== "object") {
    throw new SignalValidationError("signal", `must be an object (got ${describe(data)})`);
  }
  const { session_id: sessionId } = data;
  if (typeof sessionId !== "string" || sessionId.trim() === "") {
    throw new SignalValidationError("session_id", `must be a non-empty string (got ${describe(sessionId)})`);
  }
  const kind = data.kind ?? "feedback";
  if (!(SIGNAL_KINDS as readonly unknown[]).includes(kind)) {
    throw new SignalValidationError("kind", `must be one of ${SIGNAL_KINDS.join(", ")} (got ${describe(kind)})`);
  }
  const source = data.source ?? "human";
  if (!(SIGNAL_SOURCES as readonly unknown[]).includes(source)) {
    throw new SignalValidationError("source", `must be one of ${SIGNAL_SOURCES.join(", ")} (got ${describe(source)})`);
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
  return { ...data, kind, source, timestamp: timestamp ?? now().toISOString() };
}
