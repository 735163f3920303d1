import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/vote-feedback-styled.tsx", import.meta.url));

describe("a styled VoteFeedback widget in Chromium", () => {
  it("opens its comment popover under the downvote button and sends my comment (screenshot in reports/)", async () => {
    const tab = await env.browser.newPage();
    await tab.setViewportSize({ width: 640, height: 400 });
    await tab.goto(env.page.url);
    await tab.getByRole("button", { name: "Downvote feedback" }).click();
    const textarea = tab.getByRole("textbox", { name: "Additional feedback" });
    await expect.poll(() => textarea.evaluate((element) => element === document.activeElement)).toBe(true);
    await tab.getByRole("button", { name: "Wrong" }).click();
    await textarea.fill("Canberra is the capital, not Sydney.");
    await tab.waitForTimeout(200); // let the open animation finish
    mkdirSync("reports", { recursive: true });
    await tab.screenshot({ path: "reports/vote-feedback-open.png" });

    const [button, popover] = await Promise.all([
      tab.getByRole("button", { name: "Downvote feedback", includeHidden: true }).boundingBox(),
      tab.getByRole("dialog").boundingBox(),
    ]);
    expect(popover!.y).toBeGreaterThanOrEqual(button!.y + button!.height);

    await tab.keyboard.press("Control+Enter");
    await env.server.waitForRequests(2);
    const bodies = env.server.accepted();
    expect(bodies[0]).toMatchObject({ session_id: "screenshot-session", score: 0, trigger_name: "user-vote" });
    expect(bodies[1]).toMatchObject({ score: 0, value: "Canberra is the capital, not Sydney.", metadata: { reasons: ["Wrong"] } });
  });
});
