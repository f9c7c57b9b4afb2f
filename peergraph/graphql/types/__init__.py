"""GraphQL types, one per module; cycles between them go through strawberry.lazy."""
