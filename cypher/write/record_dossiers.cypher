// title: Record what each loaded dossier made statements about
// description: Write step of the loader. One LoadedDossier node per dossier (not an
//   Entity: no answer, count or digest sees it), with the ids of the nodes and
//   relationships it states something about, so that loading it again or unloading it
//   reads those and nothing else. Rows are lists, [dossier id, node ids, relationship ids].
UNWIND $__ROWS__ AS row
MERGE (d:LoadedDossier {id: row[0]})
SET d.nodes = row[1], d.edges = row[2]
WITH count(*) AS _
