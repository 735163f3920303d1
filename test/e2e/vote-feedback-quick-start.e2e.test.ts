import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePage, type ServedPage } from "../support/browser-page";

// The README's quick start, followed exactly: its step-2 component and its CSS, read from the README itself,
// beside each answer of a small chat. Screenshots: /tmp/vote-feedback-quick-start-*.png.

const README = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
const quickStart = README.slice(README.indexOf("## Quick start"), README.indexOf("**3. Edits of AI output**"));
const [, component] = /```tsx\n(import \{ VoteFeedback \}[\s\S]*?)```/.exec(quickStart) ?? [];
const [, css] = /```css\n([\s\S]*?)```/.exec(quickStart) ?? [];
const LIBRARY = fileURLToPath(new URL("../../src/index.ts", import.meta.url));

// A plain chat around it: the app's own styles, nothing for the widget.
const page = `
${component!.replace('"@kelet-ai/feedback-ui"', JSON.stringify(LIBRARY))}
import { KeletProvider } from ${JSON.stringify(LIBRARY)};
import { createRoot } from "react-dom/client";

const style = document.createElement("style");
style.textContent = ${JSON.stringify(`body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 24px; max-width: 640px; }\n.answer p { margin: 0 0 8px; }\n.answer { margin-bottom: 24px; }\n${css}`)};
document.head.append(style);
const answers = ["Canberra is the capital of Australia.", "Ottawa is the capital of Canada.", "Wellington is the capital of New Zealand."];
createRoot(document.getElementById("root")).render(
  <KeletProvider apiKey="pk-kelet-quick-start" project="quick-start" disabled>
    {answers.map((text, index) => (
      <div className="answer" key={index}>
        <p>{text}</p>
        <AnswerFeedback sessionId={"session-" + index} />
      </div>
    ))}
  </KeletProvider>,
);
`;

let browser: BrowserContext;
let served: ServedPage;

beforeAll(async () => {
  // Inside the repository, so React resolves from its node_modules.
  const directory = fileURLToPath(new URL("../../node_modules/.cache/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const entry = join(mkdtempSync(join(directory, "quick-start-")), "page.tsx");
  writeFileSync(entry, page);
  served = await servePage(entry);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openOnFirstAnswer(width: number): Promise<{ tab: Page; boxes: Record<"button" | "upvote" | "popover" | "nextAnswer", { x: number; y: number; width: number; height: number }> }> {
  const tab = await browser.newPage();
  await tab.setViewportSize({ width, height: 600 });
  await tab.goto(served.url);
  const first = tab.locator(".answer").first();
  await first.getByRole("button", { name: "Downvote feedback" }).click();
  await expect.poll(() => tab.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
  const box = async (locator: ReturnType<Page["locator"]>) => (await locator.boundingBox())!;
  const boxes = {
    button: await box(first.getByRole("button", { name: "Downvote feedback" })),
    upvote: await box(first.getByRole("button", { name: "Upvote feedback" })),
    popover: await box(tab.getByRole("dialog")),
    nextAnswer: await box(tab.locator(".answer").nth(1).locator("p")),
  };
  await tab.screenshot({ path: `/tmp/vote-feedback-quick-start-${width}.png` });
  return { tab, boxes };
}

describe("the README's quick start, followed exactly, in Chromium", () => {
  it.each([640, 360])("opens the comment popover a little apart from the thumbs, aligned with them, clear of the next answer (%ipx wide)", async (width) => {
    const { tab, boxes } = await openOnFirstAnswer(width);
    const { button, upvote, popover, nextAnswer } = boxes;
    // A visible gap between the button and the popover, on whichever side Radix put it.
    const gap = popover.y >= button.y + button.height ? popover.y - (button.y + button.height) : button.y - (popover.y + popover.height);
    expect(gap).toBeGreaterThanOrEqual(4);
    expect(gap).toBeLessThanOrEqual(16);
    // Starts where the thumbs start: not centred off them, not pushed against the window's left edge.
    expect(Math.abs(popover.x - upvote.x)).toBeLessThanOrEqual(1);
    expect(popover.x).toBeGreaterThan(8);
    // The next answer's text stays readable.
    const overlaps = popover.y < nextAnswer.y + nextAnswer.height && popover.y + popover.height > nextAnswer.y;
    expect(overlaps).toBe(false);
    await tab.close();
  });
});
