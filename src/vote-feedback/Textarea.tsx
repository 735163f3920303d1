import { forwardRef, type ChangeEvent, type TextareaHTMLAttributes } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { useComposedRefs } from "@radix-ui/react-compose-refs";
import { useVoteFeedbackContext } from "./context";
import { useLayoutEffect as useIsomorphicLayoutEffect } from "@radix-ui/react-use-layout-effect";

/**
 * Props of `VoteFeedback.Textarea`: every `<textarea>` attribute. Give `value`
 * and `onChange` to own the text: what you hold is what gets submitted (clear
 * it yourself afterwards).
 */
export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement>;

/** The comment field, bound to the popover text. Receives focus when the popover opens. */
export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { value, onChange, placeholder = "What did we miss?", rows = 3, "aria-label": ariaLabel = "Additional feedback", ...textareaProps },
  forwardedRef,
) {
  const { text, actions } = useVoteFeedbackContext("VoteFeedback.Textarea");
  const ownsValue = value !== undefined;
  // The app's own value is what gets submitted, and what the submit button's label follows.
  useIsomorphicLayoutEffect(() => {
    if (value === undefined) return;
    actions.setControlledText(String(value));
    return () => actions.setControlledText(undefined);
  }, [actions, value]);
  const ref = useComposedRefs<HTMLTextAreaElement>(forwardedRef, actions.registerTextarea);
  return (
    <textarea
      placeholder={placeholder}
      rows={rows}
      aria-label={ariaLabel}
      {...textareaProps}
      ref={ref}
      value={ownsValue ? value : text}
      onChange={composeEventHandlers(onChange, (event: ChangeEvent<HTMLTextAreaElement>) => {
        if (!ownsValue) actions.setText(event.target.value);
      })}
    />
  );
});
Textarea.displayName = "VoteFeedback.Textarea";
