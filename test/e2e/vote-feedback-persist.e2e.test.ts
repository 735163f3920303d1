import { describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/vote-feedback-persist.tsx", import.meta.url));

describe("a remembered vote (persistVote) in Chromium", () => {
  it("shows my vote again after I reload the page, and never sends it twice", async () => {
    const tab = await env.browser.newPage();
    await tab.goto(env.page.url);
    const upvote = tab.getByRole("button", { name: "Upvote feedback" });
    await upvote.click();
    await env.server.waitForAccepted(1);
    expect(await tab.evaluate(() => localStorage.getItem("kelet:vote:user-vote:persisted-session"))).toBe("upvote");

    await tab.reload();
    await expect.poll(() => tab.getByRole("button", { name: "Upvote feedback" }).getAttribute("aria-pressed")).toBe("true");
    await tab.getByRole("button", { name: "Upvote feedback" }).click();
    await tab.waitForTimeout(300);
    expect(env.server.requests.map((request) => JSON.parse(request.body).score)).toEqual([1]);
    await tab.close();
  });
});
