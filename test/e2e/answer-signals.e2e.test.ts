import { beforeEach, describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/answer-signals.tsx", import.meta.url));
beforeEach(() => {
  env.server.requests.length = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bodies = () => env.server.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);

async function openAnswer() {
  const tab = await env.browser.newPage();
  await tab.goto(env.page.url);
  await tab.getByText("streaming").waitFor();
  return tab;
}

describe("useAnswerSignals in real Chromium", () => {
  it("leaving the page while the answer streams delivers one user-abandon to the server", async () => {
    const tab = await openAnswer();
    await tab.goto("about:blank");
    const [request] = await env.server.waitForRequests(1);
    expect(JSON.parse(request!.body)).toMatchObject({
      session_id: "e2e-answer",
      kind: "event",
      source: "human",
      trigger_name: "user-abandon",
      score: 0,
      metadata: { page: "answer-signals" },
    });
    await sleep(300);
    expect(env.server.requests).toHaveLength(1);
    await tab.close();
  });

  it("closing the tab while the answer streams delivers the abandon too", async () => {
    const tab = await openAnswer();
    await tab.close({ runBeforeUnload: true });
    const [request] = await env.server.waitForRequests(1);
    expect(JSON.parse(request!.body)).toMatchObject({ session_id: "e2e-answer", trigger_name: "user-abandon" });
  });

  it("leaving after the answer finished sends nothing", async () => {
    const tab = await openAnswer();
    await tab.getByRole("button", { name: "Finish" }).click();
    await tab.getByText("done").waitFor();
    await tab.goto("about:blank");
    await sleep(800);
    expect(env.server.requests).toHaveLength(0);
    await tab.close();
  });

  it("copying the answer with the keyboard sends one user-copy; copying the user's own note or text outside sends nothing", async () => {
    const tab = await openAnswer();
    await tab.getByRole("button", { name: "Finish" }).click();
    const note = tab.getByRole("textbox", { name: "Your note" });
    await note.fill("my private note");
    await note.selectText();
    await tab.keyboard.press("Control+C");
    await tab.locator("#outside").selectText();
    await tab.keyboard.press("Control+C");
    await sleep(500);
    expect(env.server.requests).toHaveLength(0);

    await tab.locator("#answer-text").selectText();
    await tab.keyboard.press("Control+C");
    await tab.keyboard.press("Control+C");
    await env.server.waitForRequests(1);
    await sleep(500);
    expect(bodies()).toHaveLength(1);
    expect(bodies()[0]).toMatchObject({ trigger_name: "user-copy", score: 1, metadata: { copied_chars: 31, answer_chars: 31 } });
    expect(JSON.stringify(bodies()[0])).not.toContain("private");
    await tab.close();
  });
});
