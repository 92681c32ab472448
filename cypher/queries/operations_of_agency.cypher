// title: Operations an agency led or joined
// description: Every operation the agency took part in, with its role, the action day and
//   the groups targeted.
// param agency: id = "agency:eurojust" -- the agency's id
// param limit: int = 1000 -- at most this many rows
MATCH (a:Agency {id: $agency})-[r:LED|PARTICIPATED_IN]->(o:Operation)
RETURN o.id AS operation, o.name AS name, o.action_day AS action_day, type(r) AS relation,
       r.role AS role, [(o)-[:TARGETED]->(g:Group) | g.name] AS targets, r.sources AS sources
ORDER BY action_day
LIMIT $limit
