// title: Who led each operation, and where the lead is based
MATCH (lead)-[:LED]->(o:Operation)
WHERE o.name IS NOT NULL
OPTIONAL MATCH (lead)-[:BASED_IN]->(c:Country)
RETURN o.id AS operation, lead.id AS lead, lead.jurisdiction AS jurisdiction, c.code AS country
ORDER BY operation, lead
