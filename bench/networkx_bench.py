"""NetworkX side of the analytics bench: the same work on the same graphs, timed in one process.

Reads the coordination network the project exported as GraphML (for Louvain, betweenness,
PageRank) and the unit-item responsibility pairs (for the projection), and prints one JSON
object of seconds per step. A step that exceeds --timeout is reported as null with timedOut.
"""
import argparse
import json
import signal
import time

import networkx as nx
from networkx.algorithms import bipartite


class TimedOut(Exception):
    pass


def _alarm(_signum, _frame):
    raise TimedOut()


def timed(step, timeout, results, budget=1.0, max_runs=21):
    """Median of repeated runs: again until `budget` seconds have passed or `max_runs` are done,
    the rule bench/lib/results.ts (timedMedian) applies to the JavaScript side."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    times = []
    value = None
    try:
        while True:
            started = time.perf_counter()
            value = step()
            times.append(time.perf_counter() - started)
            if len(times) >= max_runs or sum(times) >= budget:
                break
        times.sort()
        results[step.__name__] = times[len(times) // 2]
        results.setdefault("runs", {})[step.__name__] = len(times)
        return value
    except TimedOut:
        results[step.__name__] = None
        results.setdefault("timedOut", []).append(step.__name__)
        return None
    finally:
        signal.alarm(0)


def arguments():
    """The command line both baselines take (igraph_bench.py too)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--graphml", required=True)
    parser.add_argument("--pairs", required=True, help="JSON [[unitId, itemId], ...] without generic units")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--resolution", type=float, default=1.0)
    parser.add_argument("--alpha", type=float, default=0.85)
    parser.add_argument("--timeout", type=int, default=600)
    return parser.parse_args()


def run_steps(results, timeout, projection, louvain, pagerank, betweenness, edges_of):
    """Times the four steps in the bench's order and prints the results as one JSON object."""
    projected = timed(projection, timeout, results)
    if projected is not None:
        results["projectedEdges"] = edges_of(projected)
    timed(louvain, timeout, results)
    timed(pagerank, timeout, results)
    timed(betweenness, timeout, results)
    print(json.dumps(results))


def main():
    args = arguments()

    results = {"networkx": nx.__version__}
    graph = nx.read_graphml(args.graphml)
    with open(args.pairs, encoding="utf-8") as f:
        pairs = json.load(f)
    results["nodes"] = graph.number_of_nodes()
    results["edges"] = graph.number_of_edges()

    def projection():
        bip = nx.Graph()
        units = {u for u, _ in pairs}
        bip.add_nodes_from(units, bipartite=0)
        bip.add_nodes_from({i for _, i in pairs}, bipartite=1)
        bip.add_edges_from(pairs)
        return bipartite.weighted_projected_graph(bip, units)

    def louvain():
        return nx.community.louvain_communities(graph, weight="weight", resolution=args.resolution, seed=args.seed)

    def betweenness():
        # Unweighted and normalised, as graph/analytics computes it.
        return nx.betweenness_centrality(graph, normalized=True)

    def pagerank():
        # The same convergence test as graph/analytics (POWER_ITERATION): sum |dx| < n * 1e-10.
        return nx.pagerank(graph, alpha=args.alpha, weight="weight", tol=1e-10, max_iter=10000)

    run_steps(results, args.timeout, projection, louvain, pagerank, betweenness, lambda projected: projected.number_of_edges())


if __name__ == "__main__":
    main()
