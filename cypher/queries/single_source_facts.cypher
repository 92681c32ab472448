// title: Facts that rest on one source only
// description: Every relationship, and every value stated about one, whose statements
//   all cite one and the same source, whatever dossier made them, with those dossiers:
//   the facts an investigator should corroborate first. `property` is empty for the
//   relationship itself (a dossier's mention of it). Optionally only the facts one dossier
//   states.
// param dossier: str = "" -- a dossier id such as 2020-sparks (empty: all)
// param limit: int = 200 -- at most this many rows
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT type(r) IN ['REPORTS', 'CITES'] AND ($dossier = '' OR $dossier IN r.dossiers)
UNWIND r.statements AS text
WITH a, r, b, text, split(text, '|') AS f
WITH a, r, b, f, substring(text, size(f[0]) + size(f[1]) + size(f[2]) + size(f[3]) + size(f[4]) + 5) AS v
UNWIND split(f[4], ' ') AS source
WITH a.id AS from, type(r) AS type, b.id AS to, f[0] AS property,
     CASE WHEN v STARTS WITH '"' THEN substring(v, 1, size(v) - 2) ELSE v END AS value,
     collect(DISTINCT f[1]) AS dossiers, collect(DISTINCT source) AS sources
WHERE size(sources) = 1 AND ($dossier = '' OR $dossier IN dossiers)
MATCH (s:Source {id: sources[0]})
RETURN from AS from, type AS type, to AS to, property AS property, value AS value, dossiers AS dossiers,
       s.publisher AS only_source, s.url AS url
ORDER BY from, type, to, property, value
LIMIT $limit
