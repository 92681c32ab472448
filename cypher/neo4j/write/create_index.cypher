// title: Range index on one property of one label (Neo4j)
// description: Neo4j names its indexes and creates them idempotently with IF NOT EXISTS;
//   FalkorDB has neither (see cypher/write/create_index.cypher).
CREATE INDEX __NAME__ IF NOT EXISTS FOR (n:__LABEL__) ON (n.__PROP__)
