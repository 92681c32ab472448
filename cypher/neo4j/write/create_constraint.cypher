// title: Unique id for one label (Neo4j)
// description: FalkorDB declares constraints with the GRAPH.CONSTRAINT command instead.
CREATE CONSTRAINT __NAME__ IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE
