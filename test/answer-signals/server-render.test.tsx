// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { useAnswerSignals } from "../../src/answer-signals";
import { watchAnswer } from "../../src/core";
import { KeletProvider } from "../../src/provider/kelet-provider";

function Answer() {
  const { ref } = useAnswerSignals({ session_id: "ssr", streaming: true });
  return <article ref={ref}>Server-rendered answer</article>;
}

describe("useAnswerSignals on the server", () => {
  it("renders an answer to HTML without window or document, and without warnings", () => {
    const error = vi.spyOn(console, "error");
    const html = renderToString(
      <KeletProvider apiKey="pk_ssr" project="p">
        <Answer />
      </KeletProvider>,
    );
    expect(html).toContain("Server-rendered answer");
    expect(error).not.toHaveBeenCalled();
    expect(typeof watchAnswer).toBe("function");
  });
});
