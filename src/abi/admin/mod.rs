//! The Admin API's C functions: the constructors, setters and accessors of
//! the request and result objects, the admin operations and the
//! `rd_kafka_event_<Op>_result()` casts. The objects themselves (request
//! objects, options, owned requests, result objects and the builders of
//! result events) are in `objects::admin`; the C functions here check
//! their arguments and handles, convert, and call into them.

pub mod acls;
pub mod cluster;
pub(crate) mod common;
pub mod configs;
pub mod groups;
pub mod options;
pub mod records;
pub mod results;
pub mod scram;
pub mod topics;
