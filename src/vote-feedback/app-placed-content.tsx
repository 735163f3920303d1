import { DismissableLayer } from "@radix-ui/react-dismissable-layer";
import { FocusScope } from "@radix-ui/react-focus-scope";
import type * as RadixPopover from "@radix-ui/react-popover";
import { Presence } from "@radix-ui/react-presence";
import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ComponentPropsWithoutRef } from "react";

type ContentProps = ComponentPropsWithoutRef<typeof RadixPopover.Content>;

export interface AppPlacedContentProps extends ContentProps {
  open: boolean;
  onDismiss(): void;
}

/**
 * The popover where the app's own CSS puts it: Radix's behaviour (presence for
 * exit animations, one non-trapping focus scope, Escape and outside press)
 * without Radix's floating wrapper.
 */
export const AppPlacedContent = forwardRef<HTMLDivElement, AppPlacedContentProps>(function AppPlacedContent(
  {
    open,
    onDismiss,
    forceMount,
    asChild,
    onOpenAutoFocus,
    onCloseAutoFocus,
    onEscapeKeyDown,
    onPointerDownOutside,
    onFocusOutside,
    onInteractOutside,
    // Radix's positioning props mean nothing here, and are not for the DOM.
    side: _side,
    sideOffset: _sideOffset,
    align: _align,
    alignOffset: _alignOffset,
    arrowPadding: _arrowPadding,
    avoidCollisions: _avoidCollisions,
    collisionBoundary: _collisionBoundary,
    collisionPadding: _collisionPadding,
    sticky: _sticky,
    hideWhenDetached: _hideWhenDetached,
    updatePositionStrategy: _updatePositionStrategy,
    ...contentProps
  },
  forwardedRef,
) {
  const Component = asChild ? Slot : "div";
  return (
    <Presence present={forceMount || open}>
      <FocusScope asChild loop={false} trapped={false} onMountAutoFocus={onOpenAutoFocus} onUnmountAutoFocus={onCloseAutoFocus}>
        <DismissableLayer
          asChild
          deferPointerDownOutside
          onEscapeKeyDown={onEscapeKeyDown}
          onPointerDownOutside={onPointerDownOutside}
          onFocusOutside={onFocusOutside}
          onInteractOutside={onInteractOutside}
          onDismiss={onDismiss}
        >
          <Component role="dialog" data-state={open ? "open" : "closed"} {...contentProps} ref={forwardedRef} />
        </DismissableLayer>
      </FocusScope>
    </Presence>
  );
});
AppPlacedContent.displayName = "VoteFeedback.AppPlacedContent";
