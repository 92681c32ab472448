// title: One record per loaded dossier (Neo4j)
// description: The uniqueness constraint on LoadedDossier ids, which also indexes them.
CREATE CONSTRAINT loaded_dossier_id IF NOT EXISTS FOR (d:LoadedDossier) REQUIRE d.id IS UNIQUE
