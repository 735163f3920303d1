import { describe, expect, it } from "vitest";
import { SignalValidationError } from "../../src/core/errors";
import { validateSignal } from "../../src/core/validate-signal";

const fixedNow = () => new Date("2026-01-02T03:04:05.000Z");

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SignalValidationError);
    expect((error as Error).message).toContain(`"${(error as SignalValidationError).field}"`);
    return (error as SignalValidationError).field;
  }
  return undefined;
}

describe("validateSignal", () => {
  it("fills in kind, source and the current time when they are absent", () => {
    expect(validateSignal({ session_id: "s1", score: 1 }, fixedNow)).toEqual({
      session_id: "s1",
      score: 1,
      kind: "feedback",
      source: "human",
      timestamp: "2026-01-02T03:04:05.000Z",
    });
  });

  it("keeps a timestamp the caller set", () => {
    expect(validateSignal({ session_id: "s1", timestamp: "2025-05-05T00:00:00Z" }, fixedNow).timestamp).toBe("2025-05-05T00:00:00Z");
  });

  it("accepts every kind and source of the server SDK", () => {
    for (const kind of ["feedback", "edit", "event", "metric", "arbitrary"] as const) {
      for (const source of ["human", "label", "synthetic"] as const) {
        expect(validateSignal({ session_id: "s", kind, source }).kind).toBe(kind);
      }
    }
  });

  it("names session_id when it is missing, empty or blank", () => {
    expect(fieldOf(() => validateSignal({ session_id: "" }))).toBe("session_id");
    expect(fieldOf(() => validateSignal({ session_id: "   " }))).toBe("session_id");
    expect(fieldOf(() => validateSignal({} as never))).toBe("session_id");
    expect(fieldOf(() => validateSignal({ session_id: 42 } as never))).toBe("session_id");
  });

  it("lowercases a kind and source given in any case", () => {
    const signal = validateSignal({ session_id: "s", kind: "EVENT", source: "Human" }, fixedNow);
    expect([signal.kind, signal.source]).toEqual(["event", "human"]);
  });

  it("accepts a signal identified by trace_id alone and leaves session_id out of it", () => {
    const signal = validateSignal({ trace_id: "t-1", score: 1 } as never, fixedNow);
    expect(signal).toEqual({ trace_id: "t-1", score: 1, kind: "feedback", source: "human", timestamp: "2026-01-02T03:04:05.000Z" });
    expect("session_id" in validateSignal({ session_id: "  ", trace_id: "t-1" }, fixedNow)).toBe(false);
    expect(fieldOf(() => validateSignal({ trace_id: " " } as never))).toBe("session_id");
  });

  it("names score and confidence when they are outside [0, 1] or not finite", () => {
    for (const bad of [1.5, -0.1, Number.NaN, Number.POSITIVE_INFINITY, "1"]) {
      expect(fieldOf(() => validateSignal({ session_id: "s", score: bad as number }))).toBe("score");
      expect(fieldOf(() => validateSignal({ session_id: "s", confidence: bad as number }))).toBe("confidence");
    }
    expect(validateSignal({ session_id: "s", score: 0, confidence: 1 }).score).toBe(0);
  });

  it("names kind and source when they are unknown", () => {
    expect(fieldOf(() => validateSignal({ session_id: "s", kind: "vote" as never }))).toBe("kind");
    expect(fieldOf(() => validateSignal({ session_id: "s", source: "robot" as never }))).toBe("source");
  });

  it("names metadata when it cannot be sent as JSON", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(fieldOf(() => validateSignal({ session_id: "s", metadata: circular }))).toBe("metadata");
    expect(fieldOf(() => validateSignal({ session_id: "s", metadata: { big: 1n } }))).toBe("metadata");
    expect(fieldOf(() => validateSignal({ session_id: "s", metadata: [1, 2] as never }))).toBe("metadata");
    expect(fieldOf(() => validateSignal({ session_id: "s", metadata: null as never }))).toBe("metadata");
  });

  it("names text fields of the wrong type and a timestamp that is not a date", () => {
    expect(fieldOf(() => validateSignal({ session_id: "s", value: 3 as never }))).toBe("value");
    expect(fieldOf(() => validateSignal({ session_id: "s", trigger_name: {} as never }))).toBe("trigger_name");
    expect(fieldOf(() => validateSignal({ session_id: "s", trace_id: 7 as never }))).toBe("trace_id");
    expect(fieldOf(() => validateSignal({ session_id: "s", timestamp: "yesterday" }))).toBe("timestamp");
  });

  it("rejects something that is not a signal at all", () => {
    expect(fieldOf(() => validateSignal(null as never))).toBe("signal");
  });
});
