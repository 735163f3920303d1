// The README's "Testing your app" example, verbatim between the markers (a test below checks they match);
// only the imports differ, pointing at the sources instead of the package.
import { fireEvent, render, screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { KeletProvider, VoteFeedback } from "../../src";
import { createTestInbox } from "../../src/testing";

// ResizeObserver is missing in jsdom, and the popover measures itself with it.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// README-EXAMPLE-START
function Answer() {
  return (
    <VoteFeedback.Root session_id="session-42" trigger_name="user-vote">
      <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
      <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
      <VoteFeedback.Popover>
        <VoteFeedback.Textarea />
        <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  );
}

it("sends a downvote, then the comment that explains it", async () => {
  const inbox = createTestInbox();
  render(
    <KeletProvider apiKey="pk-kelet-test" project="support-bot" fetch={inbox.fetch}>
      <Answer />
    </KeletProvider>,
  );

  fireEvent.click(screen.getByRole("button", { name: "Downvote feedback" }));
  const vote = await inbox.waitForSignal({ trigger_name: "user-vote", score: 0 });
  expect(vote.project).toBe("support-bot");
  expect(vote.body.session_id).toBe("session-42");

  fireEvent.change(screen.getByRole("textbox", { name: "Additional feedback" }), { target: { value: "It missed my question" } });
  fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
  const comment = await inbox.waitForSignal({ value: "It missed my question" });
  expect(comment.body).toMatchObject({ session_id: "session-42", score: 0 });
});
// README-EXAMPLE-END
