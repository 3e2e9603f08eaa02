"""Exchange between installations: revisions now, bundles later. Never imports Qt."""
