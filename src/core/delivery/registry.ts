import type { SignalTarget } from "../signal-request";
import { DEFAULT_DELIVERY_TUNING, type DeliveryTuning } from "./constants";
import { createConnectivity } from "./connectivity";
import { createDeliveryQueue, type DeliveryQueue, type PageServices } from "./delivery-queue";
import { createKeepaliveBudget } from "./keepalive-budget";
import { fingerprint } from "./signal-store";

/**
 * The page's delivery: one queue per destination, and the services every
 * queue shares. Kept on `globalThis` under a `Symbol.for` key, so every
 * provider, React root and build (ESM and CJS) on the page uses the same one.
 */
interface DeliveryRegistry extends PageServices {
  /** Bumped when the shape changes: an older build's registry is then left alone. */
  version: 1;
  queues: Map<string, DeliveryQueue>;
}

const REGISTRY_KEY = Symbol.for("kelet.delivery.registry");
let privateRegistry: DeliveryRegistry | undefined;

function createRegistry(): DeliveryRegistry {
  return {
    version: 1,
    queues: new Map(),
    connectivity: createConnectivity(),
    keepalive: createKeepaliveBudget(),
    tabId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
  };
}

function pageRegistry(): DeliveryRegistry {
  const holder = globalThis as { [REGISTRY_KEY]?: DeliveryRegistry };
  const shared = holder[REGISTRY_KEY];
  if (shared?.version === 1) return shared;
  if (shared) return (privateRegistry ??= createRegistry());
  return (holder[REGISTRY_KEY] = createRegistry());
}

/**
 * The page's queue for this destination (base URL, project, key), created on
 * first use; it leaves the registry once idle (nobody retains it and every
 * signal has settled). The first sender's `tuning` holds for the queue's life.
 */
export function deliveryQueueFor(target: SignalTarget, tuning?: Partial<DeliveryTuning>): DeliveryQueue {
  const registry = pageRegistry();
  const key = `${target.baseUrl}|${target.project}|${fingerprint(target.apiKey)}`;
  let queue = registry.queues.get(key);
  if (!queue) {
    const created = createDeliveryQueue({
      apiKey: target.apiKey,
      project: target.project,
      baseUrl: target.baseUrl,
      tuning: { ...DEFAULT_DELIVERY_TUNING, ...tuning },
      page: registry,
      onIdle: () => {
        if (registry.queues.get(key) === created) registry.queues.delete(key);
      },
    });
    registry.queues.set(key, created);
    queue = created;
  }
  return queue;
}
