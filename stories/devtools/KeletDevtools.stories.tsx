import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor } from "storybook/test";
import { KeletProvider, useKelet, type FetchLike } from "@kelet-ai/feedback-ui";
// Storybook maps the package root to the sources; the devtools entry is imported from its source the same way.
import { KeletDevtools } from "../../src/devtools";

/** A stand-in Kelet: refuses signals whose session is "wrong-key" (401), answers "no-project" with 404, accepts the rest. */
const fakeKelet: FetchLike = async (_url, init) => {
  const { session_id } = JSON.parse(init.body) as { session_id: string };
  if (session_id == "wrong-key") return { ok: false, status: 401, statusText: "Unauthorized" };
  if (session_id == "no-project") return { ok: false, status: 404, statusText: "Not Found" };
  return { ok: true, status: 200 };
};

function Senders() {
  const { feedback } = useKelet();
  const send = (session_id: string, extra: object = {}) => void feedback({ session_id, score: 1, trigger_name: "user-vote", ...extra }).catch(() => {});
  return (
    <p style={{ display: "flex", gap: 8 }}>
      <button type="button" onClick={() => send("conv-1842")}>
        Send a vote
      </button>
      <button type="button" onClick={() => send("wrong-key", { score: 0, value: "Missed the point" })}>
        Send with a refused key
      </button>
      <button type="button" onClick={() => send("no-project")}>
        Send to a missing project
      </button>
      <button type="button" onClick={() => send("undefined")}>
        Send with a placeholder session
      </button>
    </p>
  );
}

const meta = {
  title: "Devtools/KeletDevtools",
  component: KeletDevtools,
  args: { initialIsOpen: true, position: "bottom-right" },
  argTypes: { position: { control: "select", options: ["bottom-right", "bottom-left", "top-right", "top-left"] } },
  render: (args) => (
    <KeletProvider apiKey="pk-kelet-storybook" project="support-bot" fetch={fakeKelet} onError={() => {}} captureEvents={false}>
      <Senders />
      <KeletDevtools {...args} />
    </KeletProvider>
  ),
} satisfies Meta<typeof KeletDevtools>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every signal of the page, newest first: select one for its timeline, body, the server's answer and a hint. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const buttons = [...canvasElement.querySelectorAll<HTMLButtonElement>("p button")];
    for (const button of buttons) await userEvent.click(button);
    const shadow = canvasElement.querySelector("[data-kelet-devtools]")!.shadowRoot!;
    await waitFor(() => expect(shadow.querySelectorAll("tbody tr")).toHaveLength(4));
  },
};

/** Closed: only the toggle in its corner. */
export const Closed: Story = { args: { initialIsOpen: false } };
