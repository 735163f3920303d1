import { DismissableLayer } from "@radix-ui/react-dismissable-layer";
import { FocusScope } from "@radix-ui/react-focus-scope";
import type * as RadixPopover from "@radix-ui/react-popover";
import { Presence } from "@radix-ui/react-presence";
import { Slot } from "@radix-ui/react-slot";
import { useLayoutEffect as useIsomorphicLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { forwardRef, useRef, useState, type ComponentPropsWithoutRef, type CSSProperties, type RefObject } from "react";

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
    children,
    forceMount,
    asChild,
    onOpenAutoFocus,
    onCloseAutoFocus,
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
    // The rest: DismissableLayer takes its handlers (Escape, outside press) and passes the DOM props on to the dialog.
    ...layerProps
  },
  forwardedRef,
) {
  const Component = asChild ? Slot : "div";
  return (
    <Presence present={forceMount || open}>
      {/* Neither trapped nor looping: a non-modal dialog. */}
      <FocusScope asChild onMountAutoFocus={onOpenAutoFocus} onUnmountAutoFocus={onCloseAutoFocus}>
        <DismissableLayer asChild deferPointerDownOutside role="dialog" data-state={open ? "open" : "closed"} {...layerProps} onDismiss={onDismiss}>
          <Component ref={forwardedRef}>{children}</Component>
        </DismissableLayer>
      </FocusScope>
    </Presence>
  );
});

/**
 * Whether the app places the popover itself (1.3 style: `position: absolute` in
 * a `position: relative` wrapper; or `relative` to keep it in the flow): at once
 * for an inline `position` style; for a class, by measuring the rendered popover's computed `position` in a layout
 * effect, so a change of placement happens before the first paint (a new
 * className is measured again). `abandoned` is the element rendered before such
 * a change: its focus events (Radix's mount and unmount auto-focus) are not the user's.
 */
export function useAppPlacement(contentRef: RefObject<Element | null>, style: CSSProperties | undefined, className = "") {
  const [measured, setMeasured] = useState<[className: string, byApp: boolean]>();
  const abandoned = useRef<Element | null>(null);
  const byInlineStyle = !!style?.position;
  const byApp = byInlineStyle || (measured?.[0] === className && measured[1]);
  useIsomorphicLayoutEffect(() => {
    const element = contentRef.current;
    if (byInlineStyle || !element || measured?.[0] === className) return;
    const placed = /^(absolute|fixed|relative|sticky)$/.test(getComputedStyle(element).position);
    if (placed !== byApp) abandoned.current = element;
    setMeasured([className, placed]);
  });
  return { byApp, abandoned };
}
