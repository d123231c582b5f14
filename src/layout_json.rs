//! Layout JSON: the geometry in the schema of `layout_metrics.py`.
