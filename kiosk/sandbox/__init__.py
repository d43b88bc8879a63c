"""The sandbox clinic server: a stateful stand-in for VSee Clinic API v3 (see docs/sandbox.md)."""
