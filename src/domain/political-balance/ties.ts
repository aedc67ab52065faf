/**
 * Which figures of an optimal allocation the rules leave open. An allocation is optimal when no change along a cycle
 * of its residual network (one seat more here, one fewer there) lowers the cost; another allocation is just as good
 * exactly when some cycle costs nothing. With convex costs, each figure has two marginal arcs at the optimum: one
 * seat more (the next seat's cost) and one seat fewer (minus the last seat's). Node potentials from shortest paths make
 * every arc's reduced cost 0 or more; the arcs on zero-cost cycles are those of reduced cost 0 that close a cycle of
 * three or more nodes (two nodes would be one figure up and down again, which changes nothing).
 */
export interface MarginalArc {
  from: number;
  to: number;
  cost: number;
  /** The figure this arc changes: a cell of the table, or a group's total. */
  variable: string;
}

export function openVariables(nodes: number, arcs: MarginalArc[]): Set<string> {
  // Potentials: shortest distances from a virtual root joined to every node at no cost.
  const potential = new Array<number>(nodes).fill(0);
  for (let round = 0; round <= nodes; round++) {
    let changed = false;
    for (const arc of arcs) {
      if (potential[arc.from]! + arc.cost < potential[arc.to]!) {
        potential[arc.to] = potential[arc.from]! + arc.cost;
        changed = true;
      }
    }
    if (!changed) break;
    if (round === nodes) throw new Error('the allocation is not optimal: a cycle of its network lowers the cost');
  }
  const tight = arcs.filter((arc) => arc.cost + potential[arc.from]! - potential[arc.to]! === 0);
  const open = new Set<string>();
  for (const arc of tight) {
    if (open.has(arc.variable)) continue;
    // Can the arc's head reach its tail over tight arcs of other figures?
    const seen = new Set([arc.to]);
    const queue = [arc.to];
    let closes = false;
    for (let head = 0; head < queue.length && !closes; head++) {
      for (const next of tight) {
        if (next.from !== queue[head] || next.variable === arc.variable || seen.has(next.to)) continue;
        if (next.to === arc.from) {
          closes = true;
          break;
        }
        seen.add(next.to);
        queue.push(next.to);
      }
    }
    if (closes) open.add(arc.variable);
  }
  return open;
}
