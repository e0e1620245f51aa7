// Placeholder; replaced by the Ingest stage.
