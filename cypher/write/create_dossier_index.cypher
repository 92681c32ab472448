// title: Index the loaded dossiers' records by id
// description: One LoadedDossier node per loaded dossier (write/record_dossiers.cypher),
//   found by id when the dossier is loaded again or unloaded.
CREATE INDEX FOR (d:LoadedDossier) ON (d.id)
