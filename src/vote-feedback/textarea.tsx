import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ChangeEvent, type TextareaHTMLAttributes } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { useComposedRefs } from "@radix-ui/react-compose-refs";
import { useVoteFeedbackActions, useVoteFeedbackText } from "./context";

/**
 * Props of `VoteFeedback.Textarea`: every `<textarea>` attribute, and `asChild`.
 * The popover text is best owned with `text`/`onTextChange` on `Root`; a `value`
 * given here (the 1.3 way) is what the field shows, and what the user types into
 * it is what gets submitted.
 */
export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "defaultValue"> {
  /**
   * Merge the binding into the single child element (the app's own textarea):
   * it gets the value, the change handler, the focus on open, and the default
   * `aria-label`, placeholder and rows unless it sets its own.
   */
  asChild?: boolean;
}

/** The comment field, bound to the popover text. Receives focus when the popover opens. */
const NAME = "VoteFeedback.Textarea";

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { asChild, value, onChange, placeholder = "What did we miss?", rows = 3, "aria-label": ariaLabel = "Additional feedback", ...textareaProps },
  forwardedRef,
) {
  const actions = useVoteFeedbackActions(NAME);
  const text = useVoteFeedbackText();
  const Component = asChild ? Slot : "textarea";
  return (
    <Component
      placeholder={placeholder}
      rows={rows}
      aria-label={ariaLabel}
      {...textareaProps}
      ref={useComposedRefs(forwardedRef, actions.textarea)}
      value={value ?? text}
      onChange={composeEventHandlers(onChange, (event: ChangeEvent<HTMLTextAreaElement>) => actions.setText(event.target.value))}
    />
  );
});
Textarea.displayName = NAME;
