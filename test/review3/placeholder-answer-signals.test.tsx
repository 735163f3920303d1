import { act, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { KeletProvider, useAnswerSignals } from "../../src";

// Review of issue 22.3: a placeholder session id is warned "once per value and place (component, hook, /core, adapter), naming it".
describe('useAnswerSignals with session_id "undefined"', () => {
  it("is named in a warning, as VoteFeedback.Root and the other hooks are, while its signal still goes out", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const bodies: Record<string, unknown>[] = [];
    const transport = async (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return new Response(null, { status: 200 });
    };
    let report: ReturnType<typeof useAnswerSignals> | undefined;
    function Answer() {
      report = useAnswerSignals({ session_id: "undefined" });
      return <article ref={report.ref}>answer</article>;
    }
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl="https://api.kelet.test" fetch={transport}>
        <Answer />
      </KeletProvider>,
    );
    act(() => report!.reportRetry());
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    const warnings = warn.mock.calls.map((call) => call.map(String).join(" ")).filter((message) => message.includes('"undefined"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/useAnswerSignals/);
  });
});
