// title: The highest engine id among the nodes of one label, for paging the snapshot's reads
// description: FalkorDB only: where the id ranges of read/snapshot_nodes.cypher end.
MATCH (n:__LABEL__)
RETURN max(ID(n)) AS top
