"""The `assessor` command: thin wrappers over the packages below it."""
