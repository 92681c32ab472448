// title: Agencies with how many operations each led or joined
MATCH (a:Agency)
OPTIONAL MATCH (a)-[:LED|PARTICIPATED_IN]->(o:Operation)
WITH a, count(DISTINCT o) AS operations
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.jurisdiction AS jurisdiction, operations
ORDER BY operations DESC, a.name
SKIP $offset
LIMIT $limit
