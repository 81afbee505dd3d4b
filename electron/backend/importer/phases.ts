/**
 * Optional per-phase timing of an import (decode, map, plan, write, search index), for the import
 * benchmark: off unless a benchmark turns it on, and then only sums wall and CPU time per phase name.
 */
export interface PhaseTime {
  wallMs: number;
  cpuMs: number;
  /** Resident memory when the phase ended (MB), to tell which phase holds the most. */
  rssMb: number;
}

let phases: Map<string, PhaseTime> | null = null;

export function recordPhases(): Map<string, PhaseTime> {
  phases = new Map();
  return phases;
}

export function phase<T>(name: string, fn: () => T): T {
  if (phases === null) return fn();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return fn();
  } finally {
    const used = process.cpuUsage(cpu);
    const t = phases.get(name) ?? { wallMs: 0, cpuMs: 0, rssMb: 0 };
    t.wallMs += performance.now() - wall;
    t.cpuMs += (used.user + used.system) / 1000;
    t.rssMb = Math.max(t.rssMb, process.memoryUsage.rss() / 1048576);
    phases.set(name, t);
  }
}
