// title: Record what each loaded dossier made statements about
// description: Write step of the loader. One LoadedDossier node per dossier (not an
//   Entity: no answer, count or digest sees it), with the ids of the nodes and
//   relationships it states something about, so that loading it again or unloading it
//   reads those and nothing else; the fingerprint of its statements; and the sha256 of
//   its file with the version of the loader that read it, so that a folder loaded again
//   skips the files that have not changed; and the ids of what it stated with low
//   confidence. Rows are lists, [dossier id, node ids, relationship ids, fingerprint,
//   file sha256, loader version, low-confidence ids].
UNWIND $__ROWS__ AS row
MERGE (d:LoadedDossier {id: row[0]})
SET d.nodes = row[1], d.edges = row[2], d.fingerprint = row[3], d.file_sha256 = row[4], d.loader = row[5],
    d.low = row[6]
WITH count(*) AS _
