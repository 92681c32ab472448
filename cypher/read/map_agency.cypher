// title: The countries of the operations one agency led or took part in, by role
// description: Where those operations acted or were connected to.
//   One row per relationship listed: at most $per_role per country and type (ordered by
//   entity id), with `total`, the entities of that country and type, listed or not.
// param id: id -- the agency's id
// param per_role: int -- at most this many relationships listed per country and type
MATCH (:Agency {id: $id})-[:LED|PARTICIPATED_IN]->(x:Operation)-[r:ACTED_IN|CONNECTED_TO]->(c:Country)
WITH c, type(r) AS relation, x, r
ORDER BY x.id
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
