// title: Loaded dossiers by the sha256 of their file
// description: Lets a folder load skip the files the graph holds already, byte for byte
//   and read by the same loader. A scan of the records: one per loaded dossier.
MATCH (d:LoadedDossier)
WHERE d.file_sha256 IN $sha256s
RETURN d.file_sha256 AS sha, d.id AS id, d.loader AS loader, d.nodes AS nodes, d.edges AS edges
