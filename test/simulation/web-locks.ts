/** `navigator.locks` shared by one origin's tabs: exclusive, first come first served; a closed page's locks are freed. */
interface LockRequest {
  owner: object;
  grant: () => void;
}

export class SimLocks {
  private held = new Map<string, object>();
  private waiting = new Map<string, LockRequest[]>();

  /** The `navigator.locks` a page sees; `owner` is its load, so closing it frees what it holds. */
  forPage(owner: { alive: boolean }) {
    return {
      request: (name: string, ...rest: unknown[]) => {
        const callback = rest[rest.length - 1] as (lock: { name: string; mode: string }) => unknown;
        return new Promise((resolve, reject) => {
          const grant = () => {
            this.held.set(name, owner);
            Promise.resolve()
              .then(() => callback({ name, mode: "exclusive" }))
              .then(
                (value) => {
                  this.release(name, owner);
                  resolve(value);
                },
                (error) => {
                  this.release(name, owner);
                  reject(error);
                },
              );
          };
          if (!this.held.has(name)) grant();
          else (this.waiting.get(name) ?? this.waiting.set(name, []).get(name)!).push({ owner, grant });
        });
      },
    };
  }

  /** A page closed: its locks and requests are gone. */
  dropOwner(owner: object): void {
    for (const [name, queue] of this.waiting) this.waiting.set(name, queue.filter((r) => r.owner != owner));
    for (const [name, holder] of [...this.held]) if (holder == owner) this.release(name, owner);
  }

  private release(name: string, owner: object): void {
    if (this.held.get(name) != owner) return;
    this.held.delete(name);
    const next = this.waiting.get(name)?.shift();
    next?.grant();
  }
}
