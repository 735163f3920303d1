import { describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/vote-feedback-placement.tsx", import.meta.url));

async function openPopover(placement: "app" | "anchored") {
  const tab = await env.browser.newPage();
  await tab.setViewportSize({ width: 640, height: 720 });
  await tab.goto(`${env.page.url}?placement=${placement}`);
  await tab.getByRole("button", { name: "Downvote feedback" }).click();
  const textarea = tab.getByRole("textbox", { name: "Additional feedback" });
  await expect.poll(() => textarea.evaluate((element) => element === document.activeElement)).toBe(true);
  await textarea.fill("Canberra is the capital.");
  const [votes, button, popover] = await Promise.all([
    tab.getByTestId("votes").boundingBox(),
    tab.getByRole("button", { name: "Downvote feedback" }).boundingBox(),
    tab.getByRole("dialog").boundingBox(),
  ]);
  await tab.screenshot({ path: `/tmp/vote-feedback-${placement}.png` });
  return { tab, votes: votes!, button: button!, popover: popover! };
}

describe("where the comment popover appears in Chromium (screenshots in /tmp)", () => {
  it("sits above the buttons where a 1.3 app's CSS puts it, clear of the thumbs-down button", async () => {
    const { tab, votes, button, popover } = await openPopover("app");
    expect(Math.round(votes.y - (popover.y + popover.height))).toBe(8);
    expect(Math.round(popover.x)).toBe(Math.round(votes.x));
    expect(popover.y + popover.height).toBeLessThanOrEqual(button.y);
    // Clicking the composer closes it and what I type goes there.
    await tab.getByRole("textbox", { name: "Message" }).click();
    await tab.keyboard.type("hello");
    expect(await tab.getByRole("textbox", { name: "Message" }).inputValue()).toBe("hello");
    expect(await tab.getByRole("dialog").count()).toBe(0);
    await tab.close();
  });

  it("sits under the thumbs-down button, anchored by Radix, when the app does not position it", async () => {
    const { tab, button, popover } = await openPopover("anchored");
    expect(popover.y).toBeGreaterThanOrEqual(button.y + button.height);
    expect(Math.round(popover.x)).toBe(Math.round(button.x));
    await tab.close();
  });
});
