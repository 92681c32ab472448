// title: Delete every node of the graph, in batches (Neo4j)
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
