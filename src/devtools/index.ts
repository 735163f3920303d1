// `@kelet-ai/feedback-ui/devtools`. The switch on NODE_ENV is written out so a production bundle drops the panel
// (and everything only it imports): the app gets a component that renders nothing, for a few bytes.
import type { ReactElement } from "react";
import { KeletDevtoolsPanel, type KeletDevtoolsProps } from "./devtools-panel";

export type { KeletDevtoolsProps, KeletDevtoolsPosition } from "./devtools-panel";

/**
 * A floating development panel listing the page's Kelet signals with their
 * delivery timeline, the body as sent, the server's answer and hints. Renders
 * nothing in a production build.
 */
export const KeletDevtools: (props: KeletDevtoolsProps) => ReactElement | null = process.env.NODE_ENV === "production" ? () => null : KeletDevtoolsPanel;
