// title: Every country by its role: servers and domains hosted there, operations, arrests, agencies and groups based there
// description: graph/query/map.py names the roles of the relationship types. One row per
//   relationship listed: at most $per_role per country and type, `total` counting the
//   entities of that country and type. No ORDER BY here: sorting every relationship into a
//   country took 1.5 s of 2.5 at 10^5 nodes, so which ones are listed when a country has
//   more is the engine's choice (the totals are exact). Platforms and rights holders based
//   in a country are no role of the map.
// param per_role: int -- at most this many relationships listed per country and type
MATCH (c:Country)<-[r:LOCATED_IN|ACTED_IN|CONNECTED_TO|ARRESTED_IN|BASED_IN]-(x)
WHERE type(r) <> 'BASED_IN' OR x:Agency OR x:Group
WITH c, type(r) AS relation, x, r
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
