// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KeletProvider, VoteFeedback } from "../../src";
import { Widget } from "../vote-feedback/widget";

// Review of issue 19 ("server rendering" kept) and API.md B 12: no window/document during render, whatever the props.
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));

describe("server rendering a VoteFeedback the app opens", () => {
  it.each([
    ["open", { open: true }],
    ["defaultOpen", { defaultOpen: true }],
    ["persistVote with defaultOpen", { defaultOpen: true, persistVote: true }],
  ])("renders with %s without touching window, and every aria-controls names an element in the HTML", (_label, props) => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <KeletProvider apiKey="pk_ssr" project="p">
        <Widget session_id="ssr" reasons={["Wrong"]} {...props} />
      </KeletProvider>,
    );
    expect(html).toContain('aria-label="Downvote feedback"');
    const present = ids(html);
    for (const [, id] of html.matchAll(/aria-controls="([^"]+)"/g)) expect(present.has(id)).toBe(true);
    // aria-expanded="true" only on a page that holds the dialog it opens.
    if (html.includes('aria-expanded="true"')) expect(html).toContain('role="dialog"');
  });

  it("renders an app's own textarea (Textarea asChild) in an open popover", () => {
    const html = renderToString(
      <VoteFeedback.Root session_id="ssr" defaultOpen onFeedback={() => {}}>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea asChild>
            <textarea className="mine" />
          </VoteFeedback.Textarea>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    expect(typeof html).toBe("string");
  });
});
