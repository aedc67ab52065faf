/**
 * Minimum-cost flow by successive shortest paths (Bellman-Ford with a queue, so arcs may cost less than nothing). The networks
 * here are small (a source, a node per group, a node per body, a sink; a few thousand unit arcs at most), and every
 * cost is an integer, so the answer is exact. Convex costs per cell are modelled as one unit arc per seat with
 * non-decreasing costs, which makes the flow's integer optimum the allocation's optimum.
 */
export interface Arc {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

export interface FlowResult {
  flow: number;
  cost: number;
  /** Flow on each arc, in the order the arcs were given. */
  arcFlows: number[];
}

export function minCostFlow(nodes: number, arcs: Arc[], source: number, sink: number, wanted: number): FlowResult {
  // Residual graph: arc i is edges 2i (forward) and 2i+1 (backward).
  const to: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  const outgoing: number[][] = Array.from({ length: nodes }, () => []);
  for (const arc of arcs) {
    outgoing[arc.from]!.push(to.length);
    to.push(arc.to);
    capacity.push(arc.capacity);
    cost.push(arc.cost);
    outgoing[arc.to]!.push(to.length);
    to.push(arc.from);
    capacity.push(0);
    cost.push(-arc.cost);
  }
  let flow = 0;
  let total = 0;
  while (flow < wanted) {
    // Shortest paths by Bellman-Ford with a queue (SPFA): only nodes whose distance fell are scanned again.
    const distance = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    const queued = new Array<boolean>(nodes).fill(false);
    distance[source] = 0;
    const queue = [source];
    queued[source] = true;
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      queued[node] = false;
      for (const edge of outgoing[node]!) {
        if (capacity[edge]! > 0 && distance[node]! + cost[edge]! < distance[to[edge]!]!) {
          distance[to[edge]!] = distance[node]! + cost[edge]!;
          via[to[edge]!] = edge;
          if (!queued[to[edge]!]) {
            queued[to[edge]!] = true;
            queue.push(to[edge]!);
          }
        }
      }
    }
    if (distance[sink] === Infinity) break;
    let push = wanted - flow;
    for (let node = sink; node !== source; node = to[via[node]! ^ 1]!) push = Math.min(push, capacity[via[node]!]!);
    for (let node = sink; node !== source; node = to[via[node]! ^ 1]!) {
      capacity[via[node]!]! -= push;
      capacity[via[node]! ^ 1]! += push;
    }
    flow += push;
    total += push * distance[sink]!;
  }
  return { flow, cost: total, arcFlows: arcs.map((_, i) => capacity[2 * i + 1]!) };
}
