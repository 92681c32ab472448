// title: The countries of one group, by role
// description: Where the servers and domains it operated are, and where it is based.
//   One row per relationship listed: at most $per_role per country and type (ordered by
//   entity id), with `total`, the entities of that country and type, listed or not.
// param id: id -- the group's id
// param per_role: int -- at most this many relationships listed per country and type
MATCH (:Group {id: $id})-[:OPERATED]->(x)-[r:LOCATED_IN]->(c:Country)
WITH c, type(r) AS relation, x, r
ORDER BY x.id
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
UNION ALL
MATCH (x:Group {id: $id})-[r:BASED_IN]->(c:Country)
WITH c, type(r) AS relation, x, r
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
