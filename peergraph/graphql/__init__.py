"""The GraphQL API (Strawberry). Lives here, not in a top-level `graphql/`, which would shadow graphql-core."""
