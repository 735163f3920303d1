import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser-page";
import { startDemo, type DemoProcess } from "./demo-process";

interface InboxRecord {
  project: string;
  status: number;
  reason?: string;
  body: Record<string, unknown> | null;
  knownSession: boolean;
}

let demo: DemoProcess;
let browser: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(demo.url);
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function inbox(): Promise<InboxRecord[]> {
  const response = await fetch(new URL("/api/inbox", demo.url));
  return ((await response.json()) as { signals: InboxRecord[] }).signals;
}

/** Waits until the inbox holds a record that matches, and returns it. */
async function waitForSignal(matches: (body: Record<string, unknown>, record: InboxRecord) => boolean, timeoutMs = 10_000): Promise<InboxRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await inbox()).find((record) => record.body !== null && matches(record.body, record));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching signal arrived; the inbox holds ${JSON.stringify(await inbox(), null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs axe-core in the page and returns its violations, one line each. */
async function accessibilityViolations(): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const { violations } = await axe.run();
    return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(", ")})`);
  });
}

async function sessionShownOnPage(): Promise<string> {
  return (await page.getByTestId("session-id").textContent())!.trim();
}

describe("the demo in real Chromium", () => {
  it("answers a question and shows the session id the server confirmed", async () => {
    await page.getByRole("button", { name: "How do I get a refund?" }).click();
    const answer = page.getByTestId("answer").first();
    await answer.getByText("Request refund", { exact: false }).waitFor();
    await page.getByText("confirmed by the server").waitFor();
    expect(await sessionShownOnPage()).toMatch(/^[0-9a-f-]{36}$/);
    expect(demo.output()).toContain(`[agent] session ${await sessionShownOnPage()}: answering "How do I get a refund?"`);
  });

  it("shows the whole session id on one line in the header, never wrapped mid-UUID", async () => {
    const original = page.viewportSize();
    try {
      for (const width of [1440, 1280, 1024, 800]) {
        await page.setViewportSize({ width, height: 800 });
        const shown = await page.getByTestId("session-id").evaluate((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return { lines: lines.size, clipped: element.scrollWidth > element.clientWidth };
        });
        expect(shown, `at ${width} px`).toEqual({ lines: 1, clipped: false });
      }
    } finally {
      if (original) await page.setViewportSize(original);
    }
  });

  it("delivers an upvote to the inbox with the conversation's session id", async () => {
    const sessionId = await sessionShownOnPage();
    await page.getByTestId("answer").first().getByRole("button", { name: "Upvote feedback" }).click();
    const record = await waitForSignal((body) => body.kind === "feedback" && body.score === 1);
    expect(record).toMatchObject({ status: 200, project: "demo-chat", knownSession: true });
    expect(record.body).toMatchObject({ session_id: sessionId, source: "human", trigger_name: "user-vote", metadata: { surface: "chat" } });
  });

  it("delivers a downvote, then the explanation typed into the popover", async () => {
    const sessionId = await sessionShownOnPage();
    await page.getByRole("textbox", { name: "Ask the assistant" }).fill("How long does shipping take?");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const answer = page.getByTestId("answer").nth(1);
    await answer.getByRole("button", { name: "Downvote feedback" }).waitFor();
    await answer.getByRole("button", { name: "Downvote feedback" }).click();
    await waitForSignal((body) => body.kind === "feedback" && body.score === 0 && body.value === undefined);

    const explanation = page.getByRole("textbox", { name: "Additional feedback" });
    await explanation.waitFor();
    expect(await explanation.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByRole("button", { name: "Too vague" }).click();
    await explanation.fill("It did not say whether weekends count.");
    await page.getByRole("button", { name: "Submit feedback" }).click();
    const record = await waitForSignal((body) => body.value === "It did not say whether weekends count.");
    expect(record).toMatchObject({ status: 200, knownSession: true });
    expect(record.body).toMatchObject({ session_id: sessionId, kind: "feedback", score: 0, metadata: { reasons: ["Too vague"] } });
    await explanation.waitFor({ state: "detached" });
  });

  it("reports the AI's draft and then the person's small fix, measured from the AI's text", async () => {
    const sessionId = await sessionShownOnPage();
    await page.getByRole("button", { name: "Write with AI" }).click();
    const draft = page.getByRole("textbox", { name: "Reply draft" });
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>("#reply-draft")?.value ?? "").includes("Hi Sam"));
    await draft.press("End");
    await draft.press("Control+End");
    await draft.pressSequentially(" Cheers!");

    const generated = await waitForSignal((body) => body.kind === "edit" && body.trigger_name === "ai_generation");
    expect(generated.body).toMatchObject({ session_id: sessionId, source: "human", metadata: { panel: "reply-draft" } });
    const refined = await waitForSignal((body) => body.kind === "edit" && body.trigger_name === "manual_refinement");
    expect(refined).toMatchObject({ status: 200, project: "demo-chat", knownSession: true });
    expect(refined.body).toMatchObject({ session_id: sessionId, score: 1 });
    expect(String(refined.body!.value)).toContain("Cheers!");
    // Measured from the AI's text, not from the empty draft: a few characters out of ~170.
    expect(refined.body!.confidence).toBeGreaterThan(0);
    expect(refined.body!.confidence).toBeLessThan(0.2);
  });

  it("routes the checklist's edits to the second project through the nested provider", async () => {
    const sessionId = await sessionShownOnPage();
    await page.getByRole("button", { name: "Suggest steps with AI" }).click();
    await page.getByRole("checkbox", { name: "Confirm the order number with the customer" }).check();
    const suggested = await waitForSignal((body) => body.trigger_name === "ai_suggest");
    const toggled = await waitForSignal((body) => body.trigger_name === "toggle");
    for (const record of [suggested, toggled]) {
      expect(record).toMatchObject({ status: 200, project: "demo-checklist", knownSession: true });
      expect(record.body).toMatchObject({ session_id: sessionId, kind: "edit", metadata: { panel: "checklist" } });
    }
  });

  it("shows every signal in the page's inbox panel and in the terminal, all accepted, none lost", async () => {
    const records = await inbox();
    expect(records.length).toBeGreaterThanOrEqual(7);
    expect(records.every((record) => record.status === 200 && record.knownSession)).toBe(true);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="inbox-signal"]').length === count, records.length);
    expect(demo.output().match(/\[inbox\] 200 /g)).toHaveLength(records.length);
    expect(pageErrors).toEqual([]);
  });

  it("has no accessibility violations with answers, the explanation popover, the draft and the inbox on screen", async () => {
    await page.getByTestId("answer").first().getByRole("button", { name: "Downvote feedback" }).click();
    await page.getByRole("textbox", { name: "Additional feedback" }).waitFor();
    expect(await accessibilityViolations()).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("starts a new conversation with a new session id, and its votes carry the new id", async () => {
    const before = await sessionShownOnPage();
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.getByRole("button", { name: "I forgot my password" }).click();
    await page.getByTestId("answer").first().getByText("Forgot password", { exact: false }).waitFor();
    const after = await sessionShownOnPage();
    expect(after).not.toBe(before);
    await page.getByTestId("answer").first().getByRole("button", { name: "Upvote feedback" }).click();
    const record = await waitForSignal((body) => body.session_id === after && body.kind === "feedback");
    expect(record).toMatchObject({ status: 200, knownSession: true });
  });

  it("shows the usual mistakes where they land: a vote on an unknown session flagged, a non-pk key refused with 401", async () => {
    await page.getByRole("button", { name: "Vote with a session id the server never saw" }).click();
    const unknown = await waitForSignal((body, record) => record.status === 200 && !record.knownSession);
    expect(unknown.body).toMatchObject({ kind: "feedback", score: 1 });
    await page.getByText("no chat session has this id", { exact: false }).first().waitFor();

    await page.getByRole("button", { name: "Vote with a key that is not a pk-kelet- key" }).click();
    await page.getByText(/refused: Failed to submit feedback/).waitFor();
    const refused = (await inbox()).filter((record) => record.status === 401);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatch(/pk-kelet- key/);
    expect(demo.output()).toMatch(/\[inbox\] 401 demo-chat refused: not a publishable key/);
  });
});
