// title: Agencies and organisations that worked with one agency, by shared operations
MATCH (a:Agency {id: $id})-[:LED|PARTICIPATED_IN]->(o:Operation)<-[:LED|PARTICIPATED_IN]-(b)
WHERE b.id <> a.id
RETURN b.id AS id, b.name AS name, count(DISTINCT o) AS shared_operations, collect(DISTINCT o.id) AS operations
ORDER BY shared_operations DESC, name
LIMIT $limit
