//! The Admin API: request objects, the admin operations and their results.

pub mod acls;
pub mod cluster;
pub mod configs;
pub mod groups;
pub mod options;
pub mod records;
pub mod results;
pub mod scram;
pub mod topics;
