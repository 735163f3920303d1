import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchChromium } from "../support/browser-page";
import { startDemo, type DemoProcess } from "./demo-process";

interface InboxRecord {
  status: number;
  body: Record<string, unknown> | null;
}

let demo: DemoProcess;
let browser: BrowserContext;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function inbox(): Promise<InboxRecord[]> {
  const response = await fetch(new URL("/api/inbox", demo.url));
  return ((await response.json()) as { signals: InboxRecord[] }).signals;
}

async function waitForTrigger(trigger: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await inbox()).find((record) => record.body?.trigger_name === trigger);
    if (found) return found.body!;
    if (Date.now() > deadline) throw new Error(`no ${trigger} arrived; the inbox holds ${JSON.stringify(await inbox(), null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the demo's answers in real Chromium", () => {
  it("a copy of an answer's text with the keyboard reaches the inbox as user-copy on the answer's session, once", async () => {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await page.getByRole("button", { name: "How do I get a refund?" }).click();
    const answer = page.getByTestId("answer").first();
    await answer.getByRole("button", { name: "Copy" }).waitFor();
    await answer.locator("p").first().selectText();
    await page.keyboard.press("Control+C");
    await answer.getByRole("button", { name: "Copy" }).click();
    const body = await waitForTrigger("user-copy");
    const session = (await page.getByTestId("session-id").textContent())!.trim();
    expect(body).toMatchObject({ session_id: session, kind: "event", source: "human", score: 1 });
    expect((body.metadata as Record<string, number>).copied_chars).toBe((body.metadata as Record<string, number>).answer_chars);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await inbox()).filter((record) => record.body?.trigger_name === "user-copy")).toHaveLength(1);
    // The inbox panel on the page lists it too.
    await page.getByText("user-copy", { exact: false }).first().waitFor();
    await page.close();
  });

  it("leaving the page while an answer streams reaches the inbox as user-abandon", async () => {
    const page = await browser.newPage();
    // A slow model: each chunk of the streamed answer arrives a second after the last.
    await page.addInitScript(() => {
      const realFetch = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (!String(input instanceof Request ? input.url : input).includes("/api/chat") || !response.body) return response;
        const slowed = response.body.pipeThrough(
          new TransformStream({ transform: (chunk, controller) => new Promise((resolve) => setTimeout(() => resolve(controller.enqueue(chunk)), 1000)) }),
        );
        return new Response(slowed, { status: response.status, statusText: response.statusText, headers: response.headers });
      };
    });
    await page.goto(demo.url);
    await page.getByRole("button", { name: "How do I get a refund?" }).click();
    await page.getByTestId("answer").first().locator("p").first().filter({ hasText: /\w+/ }).waitFor();
    expect(await page.getByTestId("answer").first().getByRole("button", { name: "Copy" }).count()).toBe(0);
    await page.goto("about:blank");
    const body = await waitForTrigger("user-abandon");
    expect(body).toMatchObject({ kind: "event", source: "human", score: 0 });
    await page.close();
  });
});
