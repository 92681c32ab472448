"""Exports: the whole graph or any subgraph answer as STIX 2.1, GraphML, GEXF, CSV or node-link JSON."""
