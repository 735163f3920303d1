import { act, fireEvent, render } from "@testing-library/react";
import { Profiler, StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { Widget, downvote, installResizeObserverStub } from "./widget";

installResizeObserverStub();

interface Fiber {
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

/** The names of the components mounted under `container` (read off React's fiber tree, as DevTools does). */
function mountedComponents(container: HTMLElement): string[] {
  const key = Object.keys(container).find((name) => name.startsWith("__reactContainer$"))!;
  const names: string[] = [];
  const visit = (fiber: Fiber | null) => {
    for (; fiber; fiber = fiber.sibling) {
      const type = fiber.type as { displayName?: string; name?: string; render?: { displayName?: string; name?: string } } | null;
      if (type && typeof type === "object" || typeof type === "function") {
        const name = type!.displayName ?? type!.render?.displayName ?? type!.name ?? type!.render?.name;
        if (name) names.push(name);
      }
      visit(fiber.child);
    }
  };
  visit((container as unknown as Record<string, Fiber>)[key]!);
  return names;
}

// Radix Popover's machinery, by the names its parts carry.
const MACHINERY = /^(Popover|PopoverAnchor|PopoverContent\w*|PopoverPortal|Popper\w*|Portal|Presence|FocusScope|DismissableLayer)$/;

const answers = (count: number) => Array.from({ length: count }, (_, index) => <Widget key={index} session_id={`s-${index}`} onFeedback={() => {}} />);

describe("a closed VoteFeedback in a long chat", () => {
  it("mounts no popover machinery, only its buttons, and commits once", () => {
    let commits = 0;
    const { container } = render(
      <Profiler id="chat" onRender={() => void commits++}>
        {answers(20)}
      </Profiler>,
    );
    expect(commits).toBe(1);
    expect(mountedComponents(container).filter((name) => MACHINERY.test(name))).toEqual([]);
    expect(container.querySelectorAll("button")).toHaveLength(40);
  });

  it("commits once at mount under StrictMode too", () => {
    let commits = 0;
    render(
      <StrictMode>
        <Profiler id="chat" onRender={() => void commits++}>
          {answers(3)}
        </Profiler>
      </StrictMode>,
    );
    expect(commits).toBe(1);
  });

  it("writes no attribute on a closed button that points at a popover not there", () => {
    const { container } = render(<>{answers(2)}</>);
    for (const button of container.querySelectorAll("button")) {
      for (const name of ["aria-controls", "aria-describedby", "aria-labelledby"]) {
        const target = button.getAttribute(name);
        if (target !== null) expect(document.getElementById(target), `${name}="${target}"`).not.toBeNull();
      }
    }
  });

  it("mounts the machinery of the one popover I open, and only that one", async () => {
    const { container } = render(<>{answers(5)}</>);
    await act(async () => void fireEvent.click(container.querySelectorAll<HTMLElement>('[aria-label="Downvote feedback"]')[2]!));
    expect(mountedComponents(container).filter((name) => name === "PopoverAnchor")).toHaveLength(1);
    expect(document.activeElement?.tagName).toBe("TEXTAREA");
  });

  it("keeps the machinery once opened, so closing can animate and a reopen does not mount it again", async () => {
    const { container } = render(<Widget onFeedback={() => {}} />);
    await act(async () => void fireEvent.click(downvote()));
    await act(async () => void fireEvent.keyDown(document.activeElement!, { key: "Escape" }));
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(mountedComponents(container)).toContain("PopoverAnchor");
  });
});
