//! The Admin API: request objects, the admin operations and their results.
//!
//! Layout for the engine:
//! - the request objects the application builds (NewTopic, ConfigResource,
//!   AclBinding, ...) are plain Rust values behind their handles, defined in
//!   the area modules ([`topics`], [`configs`], [`acls`], [`groups`],
//!   [`records`], [`scram`]); [`options::AdminOptions`] holds the options;
//! - [`requests`] has one owned request type per admin operation, built from
//!   the C arguments, with the argument checks librdkafka makes before and
//!   while sending;
//! - [`results`] turns plain Rust result data into the result event
//!   (`EventObj`) the application polls, and has the
//!   `rd_kafka_event_<Op>_result()` casts.

pub mod acls;
pub mod cluster;
pub(crate) mod common;
pub mod configs;
pub mod groups;
pub mod options;
pub mod records;
pub mod requests;
pub mod results;
pub mod scram;
pub mod topics;

pub use common::{authorized_operations_from_bits, broker_error, item_errstr, Node};
