// title: Operations one agency led or joined, with its role
MATCH (a:Agency {id: $id})-[r:LED|PARTICIPATED_IN]->(o:Operation)
RETURN o.id AS id, o.name AS name, o.action_day AS action_day, type(r) AS relation, r.role AS role,
       r.sources AS sources
ORDER BY o.action_day
