// title: One page of the nodes of one label with their labels and properties, for the in-process snapshot
// description: Statements are left out (the entity detail reads them). One label per query
//   (spliced in from the schema), and the nodes whose engine ids lie in [$from, $to): a
//   page at a time, so that no reply holds a whole label (FalkorDB scans a label by id
//   range). $after and $page serve the Neo4j statement, which pages by our ids.
MATCH (n:__LABEL__)
WHERE ID(n) >= $from AND ID(n) < $to
RETURN labels(n) AS labels, n {.*, statements: NULL} AS props
