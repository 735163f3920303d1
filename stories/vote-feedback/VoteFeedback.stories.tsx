import type { Meta, StoryObj } from "@storybook/react-vite";
import { forwardRef, useState, type ButtonHTMLAttributes } from "react";
import { VoteFeedback, type Vote } from "../../src/vote-feedback";
import { StoryProvider, logSignal, styles } from "./shared";

const meta = {
  title: "VoteFeedback",
  component: VoteFeedback.Root,
  args: { session_id: "story-session", onFeedback: logSignal },
  decorators: [
    (Story) => (
      <StoryProvider>
        <Story />
      </StoryProvider>
    ),
  ],
} satisfies Meta<typeof VoteFeedback.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The plain widget: thumbs, then a comment popover after a downvote. */
export const Basic: Story = {
  render: (args) => (
    <div style={styles.answer}>
      <p>The capital of Australia is Canberra.</p>
      <VoteFeedback.Root {...args}>
        <div style={styles.votes}>
          <VoteFeedback.UpvoteButton style={styles.vote}>👍</VoteFeedback.UpvoteButton>
          <VoteFeedback.DownvoteButton style={styles.vote}>👎</VoteFeedback.DownvoteButton>
        </div>
        <VoteFeedback.Popover style={styles.popover} sideOffset={6} align="start">
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
    </div>
  ),
};

/** The app's own design-system button, given the vote behaviour with `asChild`. */
const AppButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { tone?: "good" | "bad" }>(function AppButton(
  { tone = "good", style, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      {...props}
      style={{ ...styles.vote, borderColor: tone === "good" ? "#12a594" : "#e5484d", ...style }}
    />
  );
});

export const AsChild: Story = {
  render: (args) => (
    <VoteFeedback.Root {...args}>
      <div style={styles.votes}>
        {/* Visible text must be part of the accessible name (WCAG 2.5.3): label the buttons with their text. */}
        <VoteFeedback.UpvoteButton asChild aria-label="Helpful">
          <AppButton tone="good">Helpful</AppButton>
        </VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton asChild aria-label="Not helpful">
          <AppButton tone="bad">Not helpful</AppButton>
        </VoteFeedback.DownvoteButton>
      </div>
      <VoteFeedback.Popover asChild sideOffset={6}>
        <section style={styles.popover}>
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton asChild>
            <AppButton>Send</AppButton>
          </VoteFeedback.SubmitButton>
        </section>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  ),
};

/** Children as a function of the vote: filled icon once chosen. */
export const RenderPropChildren: Story = {
  render: (args) => (
    <VoteFeedback.Root {...args}>
      <div style={styles.votes}>
        <VoteFeedback.UpvoteButton style={styles.vote} aria-label="Like">{({ isSelected }) => (isSelected ? "★ Like" : "☆ Like")}</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton style={styles.vote} aria-label="Dislike">{({ isSelected }) => (isSelected ? "✖ Dislike" : "✕ Dislike")}</VoteFeedback.DownvoteButton>
      </div>
      <VoteFeedback.Popover style={styles.popover} sideOffset={6}>
        <VoteFeedback.Textarea />
        <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  ),
};

/** Reason toggles: sent as `metadata.reasons`, and as the value when nothing is typed. */
export const Reasons: Story = {
  render: (args) => (
    <VoteFeedback.Root {...args}>
      <div style={styles.votes}>
        <VoteFeedback.UpvoteButton style={styles.vote}>👍</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton style={styles.vote}>👎</VoteFeedback.DownvoteButton>
      </div>
      <VoteFeedback.Popover style={styles.popover} sideOffset={6}>
        <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
          {["Wrong", "Too long", "Not relevant", "Unsafe"].map((reason) => (
            <VoteFeedback.Reason key={reason} value={reason} style={styles.reason} />
          ))}
        </div>
        <VoteFeedback.Textarea placeholder="Anything else?" />
        <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  ),
};

const STORAGE_KEY = "kelet-story-vote";

function readStoredVote(): Vote {
  if (typeof localStorage === "undefined") return null;
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === "upvote" || stored === "downvote" ? stored : null;
}

/** A vote restored after a reload (from localStorage), shown but never sent again. Reload the story to see it. */
export const ControlledVoteRestored: Story = {
  render: function Render(args) {
    const [vote, setVote] = useState<Vote>(readStoredVote);
    return (
      <VoteFeedback.Root
        {...args}
        vote={vote}
        onVoteChange={(next) => {
          setVote(next);
          if (next) localStorage.setItem(STORAGE_KEY, next);
        }}
      >
        <div style={styles.votes}>
          <VoteFeedback.UpvoteButton style={styles.vote}>👍</VoteFeedback.UpvoteButton>
          <VoteFeedback.DownvoteButton style={styles.vote}>👎</VoteFeedback.DownvoteButton>
          <button type="button" onClick={() => { localStorage.removeItem(STORAGE_KEY); setVote(null); }}>
            Forget my vote
          </button>
        </div>
        <VoteFeedback.Popover style={styles.popover} sideOffset={6}>
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
    );
  },
};

/** Twenty answers, each with its own session: votes and popovers never mix. */
export const ListOfAnswers: Story = {
  render: (args) => (
    <ol style={{ display: "grid", gap: 12, padding: 0, listStyle: "none" }}>
      {Array.from({ length: 20 }, (_, index) => (
        <li key={index} style={styles.answer}>
          <p>Answer {index + 1}: a generated reply.</p>
          <VoteFeedback.Root {...args} session_id={`story-session-${index + 1}`}>
            <div style={styles.votes}>
              <VoteFeedback.UpvoteButton style={styles.vote}>👍</VoteFeedback.UpvoteButton>
              <VoteFeedback.DownvoteButton style={styles.vote}>👎</VoteFeedback.DownvoteButton>
            </div>
            <VoteFeedback.Popover style={styles.popover} sideOffset={6} portal>
              <VoteFeedback.Textarea />
              <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
            </VoteFeedback.Popover>
          </VoteFeedback.Root>
        </li>
      ))}
    </ol>
  ),
};

/** Comment after an upvote too (`popoverOn="both"`), through the provider (disabled: nothing is sent). */
export const CommentAfterEitherVote: Story = {
  args: { onFeedback: undefined, popoverOn: "both" },
  render: Basic.render,
};

/**
 * The popover placed by the app, the 1.3 way (Kelet's integration guide): `position: relative`
 * on a wrapper, `position: absolute; bottom: calc(100% + 8px)` on the popover. It opens above
 * the buttons, where the app put it, not where Radix would anchor it.
 */
export const AppPositionedPopover: Story = {
  render: (args) => (
    <div style={{ ...styles.answer, marginTop: 220 }}>
      <p>The capital of Australia is Canberra.</p>
      <VoteFeedback.Root {...args}>
        <div style={{ ...styles.votes, position: "relative", display: "inline-flex" }}>
          <VoteFeedback.UpvoteButton style={styles.vote}>👍</VoteFeedback.UpvoteButton>
          <VoteFeedback.DownvoteButton style={styles.vote}>👎</VoteFeedback.DownvoteButton>
          <VoteFeedback.Popover style={{ ...styles.popover, position: "absolute", bottom: "calc(100% + 8px)", left: 0 }}>
            <VoteFeedback.Textarea />
            <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
          </VoteFeedback.Popover>
        </div>
      </VoteFeedback.Root>
    </div>
  ),
};

/** The app owns whether the popover is open (`open` / `onOpenChange`): here it starts open, and a link of the app's reopens it. */
export const ControlledOpenPopover: Story = {
  render: function Render(args) {
    const [open, setOpen] = useState(true);
    return (
      <div style={styles.answer}>
        <p>The capital of Australia is Canberra.</p>
        <VoteFeedback.Root {...args} open={open} onOpenChange={setOpen}>
          <div style={styles.votes}>
            <VoteFeedback.UpvoteButton style={styles.vote}>👍</VoteFeedback.UpvoteButton>
            <VoteFeedback.DownvoteButton style={styles.vote}>👎</VoteFeedback.DownvoteButton>
            <button type="button" onClick={() => setOpen(true)}>
              Tell us more
            </button>
          </div>
          <VoteFeedback.Popover style={styles.popover} sideOffset={6} align="start">
            <VoteFeedback.Textarea />
            <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
          </VoteFeedback.Popover>
        </VoteFeedback.Root>
        <p>Popover open: {String(open)}</p>
      </div>
    );
  },
};

/** `persistVote`: the library remembers the vote per session and trigger; vote, then reload the story: it is still there, and not sent again. */
export const RememberedVote: Story = {
  args: { session_id: "story-remembered-session", trigger_name: "user-vote", persistVote: true },
  render: Basic.render,
};
