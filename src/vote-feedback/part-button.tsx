import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode, type Ref } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";

/** The props every button part takes: any `<button>` attribute, `asChild`, and content or a function of the part's state. */
export interface PartButtonProps<State> extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> {
  /** Merge the behaviour into the single child element (the app's own button) instead of rendering a `<button>`. */
  asChild?: boolean;
  children?: ReactNode | ((state: State) => ReactNode);
}

interface Props extends PartButtonProps<never> {
  "data-state"?: string;
  "data-submitting"?: string;
  "data-popover-state"?: string;
  state: object;
  /** The part's behaviour: runs after the app's `onClick`, unless that calls `preventDefault()`. */
  onPress(): void;
}

/**
 * The element of a button part: a `<button type="button">`, or the app's own element with `asChild`.
 * A plain function, so the vote buttons (one pair per answer in a long chat) add no component of their own.
 */
export function partButton({ asChild, state, onPress, onClick, children, ...props }: Props, ref: Ref<HTMLButtonElement>) {
  const Component = asChild ? Slot : "button";
  return (
    <Component type={asChild ? undefined : "button"} {...props} ref={ref} onClick={composeEventHandlers(onClick, onPress)}>
      {typeof children === "function" ? children(state as never) : children}
    </Component>
  );
}

/** {@link partButton} as a component, for the reason and submit buttons. */
export const PartButton = forwardRef<HTMLButtonElement, Props>(partButton);
