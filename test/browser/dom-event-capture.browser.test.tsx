import { render, screen } from "@testing-library/react";
import { userEvent } from "vitest/browser";
import { afterEach, describe, expect, it } from "vitest";
import { recentDomEvent, retainDomEventCapture } from "../../src/core/dom-event-capture";

let release = () => {};
afterEach(() => release());

describe("last user event capture in real Chromium", () => {
  it("records where a real click landed", async () => {
    release = retainDomEventCapture();
    render(<button style={{ margin: 40, padding: 10 }}>Helpful</button>);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    const snapshot = recentDomEvent();
    expect(snapshot).toMatchObject({ type: "click", target: "div > button", label: "Helpful" });
    expect(snapshot!.x).toBeGreaterThan(40);
    expect(snapshot!.y).toBeGreaterThan(40);
  });
});
