// title: Who an agency worked with most often
// description: Agencies and organisations that took part in the same operations as the
//   given agency, ranked by the number of operations shared.
// param agency: id = "agency:europol" -- the agency's id
// param limit: int = 20 -- at most this many partners
MATCH (a:Agency {id: $agency})-[:LED|PARTICIPATED_IN]->(o:Operation)<-[:LED|PARTICIPATED_IN]-(b)
WHERE b.id <> a.id
RETURN b.id AS partner, b.name AS name, count(DISTINCT o) AS shared_operations,
       collect(DISTINCT o.id) AS operations
ORDER BY shared_operations DESC, name
LIMIT $limit
