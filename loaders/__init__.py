"""Loaders: documents (dossier YAML) validated, resolved to graph ids, and written."""
