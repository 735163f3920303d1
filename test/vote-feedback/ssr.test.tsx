// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { Widget } from "./widget";

describe("server rendering", () => {
  it("renders the widget to HTML without window or document, and without the closed popover", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <KeletProvider apiKey="pk_ssr" project="p">
        <Widget session_id="ssr" defaultVote="upvote" reasons={["Wrong"]} />
      </KeletProvider>,
    );
    expect(html).toContain('aria-label="Upvote feedback"');
    expect(html).toContain('aria-pressed="true"');
    expect(html).not.toContain("textarea");
  });
});
