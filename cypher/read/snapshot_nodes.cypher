// title: Every node of one label with its labels and properties, for the in-process snapshot
// description: Statements are left out (the entity detail reads them). One label per query (spliced in from the schema): graph/query/snapshot.py reads
//   the graph a label at a time, so that no single reply holds the whole graph.
MATCH (n:__LABEL__)
RETURN labels(n) AS labels, n {.*, statements: NULL} AS props
