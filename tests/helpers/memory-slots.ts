import type { HostSlotRegister } from '../../shared/fetch/host-slots.js';

/** The register's two conditional writes on a Map, as DynamoDB evaluates them on the `PACE` item. */
export function memoryRegister(): HostSlotRegister & { nextAt: Map<string, number> } {
  const nextAt = new Map<string, number>();
  return {
    nextAt,
    async claimIdle(host, startAt, next) {
      const seen = nextAt.get(host);
      if (seen !== undefined && seen > startAt) return false;
      nextAt.set(host, next);
      return true;
    },
    async extendBusy(host, after, intervalMs) {
      const seen = nextAt.get(host);
      if (seen === undefined || seen <= after) return undefined;
      nextAt.set(host, seen + intervalMs);
      return seen;
    },
  };
}
