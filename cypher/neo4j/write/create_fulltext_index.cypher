// title: The full-text index behind entity search (Neo4j)
// description: Neo4j's DDL form; FalkorDB uses db.idx.fulltext.createNodeIndex.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.search]
