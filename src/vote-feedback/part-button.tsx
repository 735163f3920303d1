import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";

/** The props every button part takes: any `<button>` attribute, `asChild`, and content or a function of the part's state. */
export interface PartButtonProps<State> extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> {
  /** Merge the behaviour into the single child element (the app's own button) instead of rendering a `<button>`. */
  asChild?: boolean;
  children?: ReactNode | ((state: State) => ReactNode);
}

interface Props extends PartButtonProps<never> {
  state: object;
  /** The part's behaviour: runs after the app's `onClick`, unless that calls `preventDefault()`. */
  onPress(): void;
}

/** A `<button type="button">`, or the app's own element with `asChild`, shared by the vote, reason and submit buttons. */
export const PartButton = forwardRef<HTMLButtonElement, Props>(function PartButton({ asChild, state, onPress, onClick, children, ...props }, ref) {
  const Component = asChild ? Slot : "button";
  return (
    <Component type={asChild ? undefined : "button"} {...props} ref={ref} onClick={composeEventHandlers(onClick, onPress)}>
      {typeof children === "function" ? children(state as never) : children}
    </Component>
  );
});
