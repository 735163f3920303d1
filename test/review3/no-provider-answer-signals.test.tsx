import { act, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { KeletProvider, useAnswerSignals, useKeletSignal } from "../../src";

// Review of issue 22.4 ("warn once per hook kind, not once per page"), alone in its file so no earlier warning counts.
function spy() {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  return () => warn.mock.calls.map((call) => call.map(String).join(" "));
}

describe("a hooks-only page without a provider, answer signals first", () => {
  it("warns for useAnswerSignals and then again for useKeletSignal when each sends", async () => {
    const warnings = spy();
    let send: ReturnType<typeof useKeletSignal> = async () => {};
    let report: ReturnType<typeof useAnswerSignals> | undefined;
    function Page() {
      report = useAnswerSignals({ session_id: "s-9" });
      send = useKeletSignal();
      return <article ref={report.ref}>answer</article>;
    }
    render(<Page />);
    act(() => report!.reportRetry());
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    await expect(send({ session_id: "s-9", kind: "event" })).resolves.toBeUndefined();
    const missing = warnings().filter((message) => /KeletProvider/.test(message));
    expect(missing, missing.join("\n")).toHaveLength(2);
    expect(missing.some((message) => /useAnswerSignals/.test(message))).toBe(true);
    expect(missing.some((message) => /useKeletSignal/.test(message))).toBe(true);
  });
});

describe("the same page under a provider", () => {
  it("sends the retry useAnswerSignals reports (so the warning above is about a signal that really went nowhere)", async () => {
    const bodies: Record<string, unknown>[] = [];
    const transport = async (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return new Response(null, { status: 200 });
    };
    let report: ReturnType<typeof useAnswerSignals> | undefined;
    function Page() {
      report = useAnswerSignals({ session_id: "s-9" });
      return <article ref={report.ref}>answer</article>;
    }
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl="https://api.kelet.test" fetch={transport}>
        <Page />
      </KeletProvider>,
    );
    act(() => report!.reportRetry());
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ session_id: "s-9", trigger_name: "user-retry", score: 0, kind: "event" });
  });
});
