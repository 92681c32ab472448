// title: Countries with how many servers, operations and agencies each has
MATCH (c:Country)
RETURN c.id AS id, c.code AS code, c.name AS name,
       size([(s)-[:LOCATED_IN]->(c) | s]) AS servers_and_domains,
       size([(o:Operation)-[:ACTED_IN]->(c) | o]) AS operations_acted,
       size([(o:Operation)-[:CONNECTED_TO]->(c) | o]) AS operations_connected,
       size([(a:Agency)-[:BASED_IN]->(c) | a]) AS agencies
ORDER BY c.code
