/**
 * Loaded before React: a minimal React DevTools hook that counts, per commit,
 * the components that rendered (React calls it in production builds too).
 */
interface Fiber {
  tag: number;
  flags: number;
  type: { displayName?: string; name?: string; render?: { displayName?: string; name?: string }; type?: { displayName?: string; name?: string } } | string | null;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

// Function, class, forwardRef, memo and simple memo components.
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
const PERFORMED_WORK = 1;
const counts = new Map<string, number>();
let total = 0;
let commits = 0;

const nameOf = (fiber: Fiber): string => {
  const type = fiber.type;
  if (!type || typeof type === "string") return String(type);
  return type.displayName ?? type.render?.displayName ?? type.type?.displayName ?? type.name ?? type.render?.name ?? "anonymous";
};

function visit(fiber: Fiber | null): void {
  for (; fiber; fiber = fiber.sibling) {
    if (COMPONENT_TAGS.has(fiber.tag) && fiber.flags & PERFORMED_WORK) {
      total++;
      const name = nameOf(fiber);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    // A subtree React did not visit keeps the very same child fibers: skip it.
    if (fiber.alternate && fiber.child === fiber.alternate.child) continue;
    visit(fiber.child);
  }
}

(window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE() {},
  onScheduleFiberRoot() {},
  onCommitFiberRoot(_id: number, root: { current: Fiber }) {
    commits++;
    visit(root.current.child);
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  setStrictMode() {},
};

(window as unknown as Record<string, unknown>).__benchRenders = {
  reset() {
    counts.clear();
    total = 0;
    commits = 0;
  },
  get commits() {
    return commits;
  },
  get total() {
    return total;
  },
  byName: () => Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])),
};
