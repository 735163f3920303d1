import type { Preview } from "@storybook/react-vite";
import { KeletProvider } from "@kelet-ai/feedback-ui";
import { SentSignalsLog, inboxFor } from "./story-inbox";
import "./preview.css";

/** Per-story options: `parameters.kelet`. */
export interface KeletStoryParameters {
  /** Wrap the story in a KeletProvider whose signals land in the story's inbox (default true). */
  provider?: boolean;
  /** Show the signals the story sent under it (default false: stories that send through the global provider opt in). */
  showSignals?: boolean;
}

const preview: Preview = {
  tags: ["autodocs"],
  parameters: {
    layout: "padded",
    options: { storySort: { order: ["Introduction", "KeletProvider", "VoteFeedback", "Hooks", "*", "Patterns"] } },
    controls: { expanded: true, sort: "requiredFirst" },
    docs: { toc: true },
    // Accessibility violations fail the story's test, in the test run and in CI.
    a11y: { test: "error" },
  },
  beforeEach: (context) => {
    // Every render of a story, in the UI or a test, starts with an empty inbox.
    inboxFor(context).clear();
  },
  decorators: [
    (Story, context) => {
      const options = (context.parameters.kelet ?? {}) as KeletStoryParameters;
      if (options.provider === false) return <Story />;
      const inbox = inboxFor(context);
      return (
        <KeletProvider apiKey="pk_storybook_demo" project="storybook" fetch={inbox.fetch}>
          <Story />
          {options.showSignals ? <SentSignalsLog inbox={inbox} /> : null}
        </KeletProvider>
      );
    },
  ],
};

export default preview;
