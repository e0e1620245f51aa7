// Placeholder; replaced by the Search stage.
