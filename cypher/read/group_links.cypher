// title: Groups linked to one group, with the reason for each link
// description: Sources are those of both relationships of a shared link. Direct RELATED_TO links, operations that targeted both, shared servers or
//   domains, shared people, shared platforms. graph/query/groups.py merges the reasons per group.
MATCH (g:Group {id: $id})-[r:RELATED_TO]-(h:Group)
RETURN h.id AS id, h.name AS name, 'related_to' AS reason, NULL AS via, r.nature AS detail, r.sources AS sources
UNION ALL
MATCH (g:Group {id: $id})<-[r:TARGETED]-(o:Operation)-[r2:TARGETED]->(h:Group)
WHERE h.id <> g.id
RETURN h.id AS id, h.name AS name, 'shared_operation' AS reason, o.id AS via, o.name AS detail,
       r.sources + [s IN r2.sources WHERE NOT s IN r.sources] AS sources
UNION ALL
MATCH (g:Group {id: $id})-[r:OPERATED]->(s)<-[r2:OPERATED]-(h:Group)
WHERE h.id <> g.id
RETURN h.id AS id, h.name AS name, 'shared_infrastructure' AS reason, s.id AS via, s.name AS detail,
       r.sources + [x IN r2.sources WHERE NOT x IN r.sources] AS sources
UNION ALL
MATCH (g:Group {id: $id})<-[r:MEMBER_OF]-(p:Person)-[r2:MEMBER_OF]->(h:Group)
WHERE h.id <> g.id
RETURN h.id AS id, h.name AS name, 'shared_people' AS reason, p.id AS via, p.role AS detail,
       r.sources + [x IN r2.sources WHERE NOT x IN r.sources] AS sources
UNION ALL
MATCH (g:Group {id: $id})-[r:USED]->(p:Platform)<-[r2:USED]-(h:Group)
WHERE h.id <> g.id
RETURN h.id AS id, h.name AS name, 'shared_platform' AS reason, p.id AS via, p.name AS detail,
       r.sources + [x IN r2.sources WHERE NOT x IN r.sources] AS sources
