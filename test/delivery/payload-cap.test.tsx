import { afterEach, describe, expect, it } from "vitest";
import { MAX_SIGNAL_BYTES } from "../../src/core/delivery/constants";
import { capSignal, utf8Bytes } from "../../src/core/delivery/payload-cap";
import type { ValidSignal } from "../../src/core/signal";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());

/** The part of the value kept before the marker. */
const keptOf = (value: string) => value.replace(/…\[truncated \d+ chars\]$/, "");

/** The body with the first `keep` code units of `value` kept, as the cap writes it. */
function bodyKeeping(signal: ValidSignal, value: string, keep: number): string {
  return JSON.stringify({ ...signal, value: `${value.slice(0, keep)}…[truncated ${value.length - keep} chars]` });
}

/** Keeping one more character (two code units for a surrogate pair) would go over the cap. */
function nextLongerPrefixOverflows(signal: ValidSignal, value: string, kept: number): boolean {
  const next = kept + (/[\ud800-\udbff]/.test(value[kept] ?? "") ? 2 : 1);
  return next > value.length || utf8Bytes(bodyKeeping(signal, value, next)) > MAX_SIGNAL_BYTES;
}

describe("a long value keeps as much of the text as fits in 32 KiB of UTF-8", () => {
  it("a long answer in Chinese is cut to the longest prefix that fits, not to nothing", async () => {
    const value = "这是一个很长的回答。".repeat(2_000);
    const { context } = captureContext({ apiKey: "pk_cap", project: "p", baseUrl: server.origin });
    await context.feedback({ session_id: "cjk", kind: "edit", value });
    const body = server.requests[0]!.body;
    expect(utf8Bytes(body)).toBeLessThanOrEqual(MAX_SIGNAL_BYTES);
    const kept = keptOf(JSON.parse(body).value);
    expect(value.startsWith(kept)).toBe(true);
    // About 10,900 three-byte characters fit; cutting one per byte of overshoot keeps none.
    expect(kept.length).toBeGreaterThan(10_800);
    expect(utf8Bytes(body)).toBeGreaterThan(MAX_SIGNAL_BYTES - 64);
  });

  it.each([
    ["Japanese", "日本語のとても長い文章です。".repeat(3_000)],
    ["emoji", "👍🏽🎉😀".repeat(6_000)],
    ["mixed scripts", "ok 好 👍 é ".repeat(5_000)],
    ["emoji after ASCII at an odd offset", "a" + "😀".repeat(20_000)],
  ])("a long %s value keeps the longest prefix that fits and never splits a surrogate pair", (_, value) => {
    const signal = { session_id: "s", kind: "edit", value } as ValidSignal;
    const capped = capSignal(signal);
    if (capped instanceof Error) throw capped;
    expect(capped.bytes).toBeLessThanOrEqual(MAX_SIGNAL_BYTES);
    expect(capped.bytes).toBe(utf8Bytes(capped.body));
    const kept = keptOf(capped.signal.value as string);
    expect(value.startsWith(kept)).toBe(true);
    expect(/[\ud800-\udbff]$/.test(kept)).toBe(false);
    expect(nextLongerPrefixOverflows(signal, value, kept.length)).toBe(true);
    expect(capped.signal.value).toBe(`${kept}…[truncated ${value.length - kept.length} chars]`);
  });

  it("a value that already fits is sent untouched", () => {
    const signal = { session_id: "s", value: "短い 👍" } as ValidSignal;
    expect(capSignal(signal)).toMatchObject({ signal, body: JSON.stringify(signal) });
  });
});
