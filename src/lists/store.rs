//! Needs, resources, projects and claims as stored.
