import type { SignalTarget } from "../signal-request";
import type { DeliveryTuning } from "./constants";
import { createConnectivity, type Connectivity } from "./connectivity";
import { createDeliveryQueue, type DeliveryQueue } from "./delivery-queue";
import { createKeepaliveBudget, type KeepaliveBudget } from "./keepalive-budget";
import { uniqueId } from "./queue-entries";
import { destinationKey } from "./signal-store";

/** What every queue of the page shares (held in the page-wide registry). */
export interface PageServices {
  connectivity: Connectivity;
  keepalive: KeepaliveBudget;
  /** Names this page in hand-over records between tabs. */
  tabId: string;
}

/**
 * The page's delivery: one queue per destination, and the services every
 * queue shares. Kept on `globalThis` under a `Symbol.for` key, so every
 * provider, React root and build (ESM and CJS) on the page uses the same one.
 */
interface DeliveryRegistry extends PageServices {
  /** Bumped when the shape changes: another version's registry is then left alone. */
  version: typeof REGISTRY_VERSION;
  queues: Map<string, DeliveryQueue>;
}

const REGISTRY_KEY = Symbol.for("kelet.delivery.registry");
const REGISTRY_VERSION = 2;
let ownRegistry: DeliveryRegistry | undefined;

function pageRegistry(): DeliveryRegistry {
  const holder = globalThis as { [REGISTRY_KEY]?: DeliveryRegistry };
  const shared = holder[REGISTRY_KEY];
  if (shared?.version === REGISTRY_VERSION) return shared;
  ownRegistry ??= { version: REGISTRY_VERSION, queues: new Map(), connectivity: createConnectivity(), keepalive: createKeepaliveBudget(), tabId: uniqueId() };
  return shared ? ownRegistry : (holder[REGISTRY_KEY] = ownRegistry);
}

/**
 * The page's queue for this destination (base URL, project, key), created on
 * first use; it leaves the registry once idle (nobody retains it and every
 * signal has settled). The first sender's `tuning` holds for the queue's life.
 */
export function deliveryQueueFor(target: SignalTarget & { tuning?: DeliveryTuning }): DeliveryQueue {
  const registry = pageRegistry();
  const { queues } = registry;
  const key = destinationKey(target);
  let queue = queues.get(key);
  if (!queue) {
    const created = createDeliveryQueue(target, key, { ...target.tuning }, registry, () => {
      if (queues.get(key) == created) queues.delete(key);
    });
    queues.set(key, (queue = created));
  }
  return queue;
}
