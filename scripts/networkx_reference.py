#!/usr/bin/env python3
"""Reference values of the coordination-network metrics, computed by NetworkX.

Reads the GraphML that `cli export --format graphml` writes (our partition is in the node
attribute `community`, our parameters in the graph's `provenance`), computes every measure the
analytics report with NetworkX, and writes them as JSON. tests/analytics/networkx.test.ts
compares our values with this file. Regenerate with `npm run -s networkx:reference` after
installing scripts/requirements-networkx.txt.

Usage: networkx_reference.py <coordination.graphml> <out.json>
"""
import json
import platform
import sys

import networkx as nx

# Same stopping rule as graph/analytics/network.ts POWER_ITERATION: sum |dx| < n * tol.
TOLERANCE = 1e-10
MAX_ITERATIONS = 10_000


def main(graphml_path: str, out_path: str) -> None:
    graph = nx.read_graphml(graphml_path)
    if graph.is_directed() or graph.is_multigraph():
        raise SystemExit(f"{graphml_path}: expected a simple undirected graph")
    provenance = json.loads(graph.graph["provenance"])
    parameters = provenance["parameters"]
    alpha = parameters["pagerankAlpha"]
    resolution = parameters["resolution"]

    betweenness = nx.betweenness_centrality(graph, normalized=True, weight=None)
    closeness = nx.closeness_centrality(graph, wf_improved=True)
    eigenvector = nx.eigenvector_centrality(graph, weight="weight", max_iter=MAX_ITERATIONS, tol=TOLERANCE)
    pagerank = nx.pagerank(graph, alpha=alpha, weight="weight", max_iter=MAX_ITERATIONS, tol=TOLERANCE)
    core = nx.core_number(graph)
    clustering = nx.clustering(graph)

    ours = {}
    for node, community in graph.nodes(data="community"):
        ours.setdefault(community, set()).add(node)
    partition = list(ours.values())
    networkx_louvain = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=parameters["seed"])

    reference = {
        "networkx": nx.__version__,
        "python": platform.python_version(),
        "source": {"documents": provenance["documents"], "software": provenance["software"]},
        "parameters": {
            "pagerankAlpha": alpha,
            "resolution": resolution,
            "tolerance": TOLERANCE,
            "maxIterations": MAX_ITERATIONS,
        },
        "edges": sorted([sorted([u, v]) + [w] for u, v, w in graph.edges(data="weight")]),
        "graph": {
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "density": nx.density(graph),
            "components": nx.number_connected_components(graph),
            "averageClustering": nx.average_clustering(graph),
        },
        "partition": {
            "count": len(partition),
            "modularity": nx.community.modularity(graph, partition, weight="weight", resolution=resolution),
            "networkxLouvainCount": len(networkx_louvain),
            "networkxLouvainModularity": nx.community.modularity(
                graph, networkx_louvain, weight="weight", resolution=resolution
            ),
        },
        "nodes": {
            node: {
                "degree": graph.degree(node),
                "weightedDegree": graph.degree(node, weight="weight"),
                "betweenness": betweenness[node],
                "closeness": closeness[node],
                "eigenvector": eigenvector[node],
                "pagerank": pagerank[node],
                "coreNumber": core[node],
                "clustering": clustering[node],
            }
            for node in sorted(graph.nodes)
        },
    }
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(reference, out, ensure_ascii=False, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
