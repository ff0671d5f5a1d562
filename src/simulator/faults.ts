// Fault injection: tests and the CLI arm faults; the core and route modules consume them with take().
import type { FaultKind, FaultRegistry, FaultSpec } from './types.js';

interface Armed {
  spec: FaultSpec;
  /** Matching requests seen so far, to honour `after`. */
  seen: number;
  used: number;
}

export interface SimFaultRegistry extends FaultRegistry {
  /** Keys revoked by a `revoke_key` fault; clear() restores them. */
  readonly revokedKeys: Set<string>;
}

export function createFaultRegistry(initial: readonly FaultSpec[] = []): SimFaultRegistry {
  let armed: Armed[] = [];
  const revokedKeys = new Set<string>();

  const matches = (a: Armed, route: string, kind: FaultKind, fileId: string | undefined): boolean =>
    a.spec.kind === kind &&
    (a.spec.route === '*' || a.spec.route === route) &&
    (a.spec.fileId === undefined || a.spec.fileId === fileId);

  const registry: SimFaultRegistry = {
    revokedKeys,
    add(spec) {
      const times = spec.times ?? 1;
      if (!(times >= 1)) throw new Error(`fault ${spec.kind}: times must be at least 1`);
      armed.push({ spec: { ...spec }, seen: 0, used: 0 });
    },
    clear() {
      armed = [];
      revokedKeys.clear();
    },
    take(route, kind, fileId) {
      // Every matching fault counts this request toward its `after`, even if another one fires.
      let fired: Armed | undefined;
      for (const a of armed) {
        if (!matches(a, route, kind, fileId)) continue;
        a.seen += 1;
        if (fired === undefined && a.seen > (a.spec.after ?? 0)) fired = a;
      }
      if (fired === undefined) return undefined;
      fired.used += 1;
      if (fired.used >= (fired.spec.times ?? 1)) armed = armed.filter((a) => a !== fired);
      return fired.spec;
    },
  };
  initial.forEach((spec) => registry.add(spec));
  return registry;
}
