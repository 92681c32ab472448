// title: Every node of one label with its labels and properties, for the in-process snapshot
// description: One label per query (spliced in from the schema): graph/snapshot.py reads
//   the graph a label at a time, so that no single reply holds the whole graph.
MATCH (n:__LABEL__)
RETURN labels(n) AS labels, properties(n) AS props
