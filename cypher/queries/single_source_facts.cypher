// title: Facts that rest on one source only
// description: Relationships whose every statement cites one and the same source,
//   optionally for one dossier, with the dossiers that state them: the facts an
//   investigator should corroborate first.
// param dossier: str = "" -- a dossier id such as 2020-sparks (empty: all)
// param limit: int = 200 -- at most this many rows
MATCH (a)-[r]->(b)
WHERE size(r.sources) = 1 AND NOT type(r) IN ['REPORTS', 'CITES']
  AND ($dossier = '' OR $dossier IN r.dossiers)
MATCH (s:Source {id: r.sources[0]})
RETURN a.id AS from, type(r) AS type, b.id AS to, r.dossiers AS dossiers, s.publisher AS only_source,
       s.url AS url
ORDER BY from, type, to
LIMIT $limit
