"""Views of graph answers: interactive HTML pages (pyvis, our own template) and SVG."""
