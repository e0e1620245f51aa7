// Placeholder; replaced by the Site stage.
