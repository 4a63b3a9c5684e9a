"""Repository tooling: spec lint, generation, the breaking-change check. Not shipped."""
