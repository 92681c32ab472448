// title: The countries of one operation, by role
// description: Where the servers and domains it took down or seized are, where it acted or was
//   connected to, where the people it arrested were arrested, where its agencies are based.
//   One row per relationship listed: at most $per_role per country and type (ordered by
//   entity id), with `total`, the entities of that country and type, listed or not.
// param id: id -- the operation's id
// param per_role: int -- at most this many relationships listed per country and type
MATCH (:Operation {id: $id})-[:TOOK_DOWN|SEIZED]->(x)-[r:LOCATED_IN]->(c:Country)
WITH c, type(r) AS relation, x, r
ORDER BY x.id
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
UNION ALL
MATCH (x:Operation {id: $id})-[r:ACTED_IN|CONNECTED_TO]->(c:Country)
WITH c, type(r) AS relation, x, r
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
UNION ALL
MATCH (:Operation {id: $id})-[:ARRESTED]->(x:Person)-[r:ARRESTED_IN]->(c:Country)
WITH c, type(r) AS relation, x, r
ORDER BY x.id
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
UNION ALL
MATCH (x:Agency)-[:LED|PARTICIPATED_IN]->(:Operation {id: $id}), (x)-[r:BASED_IN]->(c:Country)
WITH c, type(r) AS relation, x, r
ORDER BY x.id
WITH c, relation, count(DISTINCT x) AS total, collect(r)[..$per_role] AS listed
UNWIND listed AS fact
WITH c, relation, total, fact, startNode(fact) AS x
RETURN c.code AS code, c.name AS country, relation, total, x.id AS id, x.name AS name, labels(x) AS labels,
       x.named AS named, x.role AS person_role, fact.role AS detail, fact.place AS place, fact.date AS date,
       fact.sources AS sources
