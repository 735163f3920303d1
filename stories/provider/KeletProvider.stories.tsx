import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { KeletProvider, useKeletSignal } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../../.storybook/story-inbox";

/** A button that sends one signal by hand, the way an app sends signals the components do not cover. */
function CopyAnswerButton({ sessionId, label = "Copy answer" }: { sessionId: string; label?: string }) {
  const sendSignal = useKeletSignal();
  const [status, setStatus] = useState("");
  return (
    <p>
      <button
        type="button"
        onClick={() => {
          sendSignal({ session_id: sessionId, kind: "event", trigger_name: "copy_answer", score: 1 }).then(
            () => setStatus("sent"),
            (error: unknown) => setStatus(`not sent: ${error instanceof Error ? error.message : String(error)}`),
          );
        }}
      >
        {label}
      </button>{" "}
      <span role="status">{status}</span>
    </p>
  );
}

const meta = {
  title: "KeletProvider",
  component: KeletProvider,
  parameters: {
    kelet: { showSignals: true },
    docs: {
      description: {
        component:
          "Holds the publishable key (`pk_...`) and project for every component and hook below it. " +
          "Put one at the root of the app; nest another with only `project` to route a subtree elsewhere with the same key. " +
          "In these stories the provider's `fetch` records each request instead of sending it, and the list under each story shows the payloads.",
      },
    },
  },
  args: { project: "storybook-docs", apiKey: "pk_storybook_demo" },
  render: (args) => (
    <KeletProvider {...args}>
      <CopyAnswerButton sessionId="session-42" />
    </KeletProvider>
  ),
} satisfies Meta<typeof KeletProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A hand-made signal from `useKeletSignal()`, posted with the key and project of the nearest provider. */
export const SendsASignal: Story = {
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Copy answer" }));
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(1));
    const [signal] = inbox.signals;
    expect(signal!.project).toBe("storybook-docs");
    expect(signal!.headers).toEqual({ "Content-Type": "application/json", Authorization: "Bearer pk_storybook_demo" });
    expect(signal!.body).toMatchObject({ session_id: "session-42", kind: "event", source: "human", trigger_name: "copy_answer", score: 1 });
    expect(typeof signal!.body.timestamp).toBe("string");
    await expect(canvas.getByRole("status")).toHaveTextContent("sent");
  },
};

/** A nested provider that sets only `project` sends its subtree's signals there, with the parent's key. */
export const NestedProjects: Story = {
  render: (args) => (
    <KeletProvider {...args}>
      <CopyAnswerButton sessionId="chat-1" label="Copy chat answer" />
      <KeletProvider project="search-panel">
        <CopyAnswerButton sessionId="search-1" label="Copy search result" />
      </KeletProvider>
    </KeletProvider>
  ),
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Copy chat answer" }));
    await userEvent.click(canvas.getByRole("button", { name: "Copy search result" }));
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(2));
    expect(inbox.signals.map((signal) => [signal.project, signal.body.session_id])).toEqual([
      ["storybook-docs", "chat-1"],
      ["search-panel", "search-1"],
    ]);
    expect(inbox.signals.every((signal) => signal.headers.Authorization === "Bearer pk_storybook_demo")).toBe(true);
  },
};

/** `disabled` turns sending off: every signal resolves at once and nothing leaves the page. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Copy answer" }));
    await expect(await canvas.findByText("sent")).toBeInTheDocument();
    expect(inboxFor(context).signals).toHaveLength(0);
  },
};

/** An invalid signal is never sent: the promise rejects with an error that names the field. */
export const InvalidSignalIsRefused: Story = {
  render: (args) => (
    <KeletProvider {...args} onError={() => {}}>
      <CopyAnswerButton sessionId="" label="Copy without a session" />
    </KeletProvider>
  ),
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Copy without a session" }));
    await expect(await canvas.findByText(/not sent: .*session_id/)).toBeInTheDocument();
    expect(inboxFor(context).signals).toHaveLength(0);
  },
};
