"""igraph side of the analytics bench (python-igraph, a C core): the same steps on the same graphs as
networkx_bench.py, timed the same way, printed as one JSON object of seconds per step.

Projection: the unit-item pairs as a bipartite graph, projected onto units with multiplicity (the
shared-items weight). Louvain: community_multilevel (weights, resolution). Betweenness: unweighted,
normalised as NetworkX does for an undirected graph, 2 / ((n - 1)(n - 2)). PageRank: igraph's
default PRPACK solver, which solves the linear system rather than iterating (exact to rounding).
"""
import json
import random

import igraph as ig

from networkx_bench import arguments, run_steps


def main():
    args = arguments()
    # igraph draws from Python's random module: seeded, Louvain runs alike every time.
    random.seed(args.seed)

    results = {"igraph": ig.__version__}
    graph = ig.Graph.Read_GraphML(args.graphml)
    with open(args.pairs, encoding="utf-8") as f:
        pairs = json.load(f)
    results["nodes"] = graph.vcount()
    results["edges"] = graph.ecount()
    weights = graph.es["weight"] if "weight" in graph.es.attributes() else None

    def projection():
        units = sorted({u for u, _ in pairs})
        items = sorted({i for _, i in pairs})
        index = {name: n for n, name in enumerate(units)}
        index.update({name: len(units) + n for n, name in enumerate(items)})
        bip = ig.Graph.Bipartite([False] * len(units) + [True] * len(items), [(index[u], index[i]) for u, i in pairs])
        projected, _ = bip.bipartite_projection(multiplicity=True, which="both")
        return projected

    def louvain():
        return graph.community_multilevel(weights=weights, resolution=args.resolution)

    def betweenness():
        n = graph.vcount()
        scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        return [b * scale for b in graph.betweenness(directed=False)]

    def pagerank():
        return graph.pagerank(damping=args.alpha, weights=weights)

    run_steps(results, args.timeout, projection, louvain, pagerank, betweenness, lambda projected: projected.ecount())


if __name__ == "__main__":
    main()
