/**
 * The parts of the `dependency-graph` package's DepGraph (circular mode) that
 * the resolver needs, with the same results in the same order, minus the
 * quadratic scans (`indexOf` on edge lists and on the order being built) that
 * cost seconds on a spec with tens of thousands of references.
 */
interface NodeEdges {
  out: string[];
  in: string[];
  /** Membership sets, made once a list grows past a few entries. */
  outSet?: Set<string>;
  inSet?: Set<string>;
}

const SMALL = 8;

function addEdge(list: string[], set: Set<string> | undefined, item: string): Set<string> | undefined {
  if (set) {
    if (set.has(item)) return set;
    set.add(item);
    list.push(item);
    return set;
  }
  if (list.includes(item)) return undefined;
  list.push(item);
  return list.length > SMALL ? new Set(list) : undefined;
}

export class Graph {
  private readonly nodes = new Map<string, NodeEdges>();

  hasNode(node: string): boolean {
    return this.nodes.has(node);
  }

  addNode(node: string): void {
    if (!this.nodes.has(node)) this.nodes.set(node, { out: [], in: [] });
  }

  addDependency(from: string, to: string): void {
    const a = this.nodes.get(from);
    if (!a) throw new Error(`Node does not exist: ${from}`);
    const b = this.nodes.get(to);
    if (!b) throw new Error(`Node does not exist: ${to}`);
    a.outSet = addEdge(a.out, a.outSet, to);
    b.inSet = addEdge(b.in, b.inSet, from);
  }

  /** Transitive dependencies of `node`, in DepGraph's order. */
  dependenciesOf(node: string): string[] {
    return this.reach('out', node);
  }

  /** Transitive dependants of `node`, in DepGraph's order. */
  dependantsOf(node: string): string[] {
    return this.reach('in', node);
  }

  private reach(direction: 'out' | 'in', node: string): string[] {
    if (!this.nodes.has(node)) throw new Error(`Node does not exist: ${node}`);
    const result: string[] = [];
    dfs(this.nodes, direction, result, new Set())(node);
    const idx = result.indexOf(node);
    if (idx >= 0) result.splice(idx, 1);
    return result;
  }

  /** DepGraph.overallOrder() with `circular: true`. */
  overallOrder(): string[] {
    const result: string[] = [];
    const keys = [...this.nodes.keys()];
    if (!keys.length) return result;
    const visited = new Set<string>();
    const visit = dfs(this.nodes, 'out', result, visited);
    for (const n of keys.filter((k) => this.nodes.get(k)!.in.length === 0)) visit(n);
    // DepGraph filters against the order as it stands after the first pass, then visits each.
    const inResult = new Set(result);
    for (const n of keys.filter((k) => !inResult.has(k))) visit(n);
    return result;
  }
}

/** DepGraph's iterative depth-first search (circular mode: a node already on the path is skipped). */
function dfs(nodes: Map<string, NodeEdges>, direction: 'out' | 'in', result: string[], visited: Set<string>): (start: string) => void {
  return (start) => {
    if (visited.has(start)) return;
    const inCurrentPath = new Set<string>();
    const todo: Array<{ node: string; processed: boolean }> = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1];
      const node = current.node;
      if (!current.processed) {
        if (visited.has(node) || inCurrentPath.has(node)) {
          todo.pop();
          continue;
        }
        inCurrentPath.add(node);
        const nodeEdges = nodes.get(node)![direction];
        for (let i = nodeEdges.length - 1; i >= 0; i--) todo.push({ node: nodeEdges[i], processed: false });
        current.processed = true;
      } else {
        todo.pop();
        inCurrentPath.delete(node);
        visited.add(node);
        result.push(node);
      }
    }
  };
}
