// title: Where the people of an operation are from, were arrested, or live
MATCH (:Operation {id: $id})-[]->(p:Person)-[r:NATIONAL_OF|ARRESTED_IN|RESIDES_IN]->(c:Country)
RETURN DISTINCT p.id AS person, type(r) AS relation, c.id AS country, c.name AS country_name,
       r.place AS place, r.date AS date, r.sources AS sources
ORDER BY person, relation, country
