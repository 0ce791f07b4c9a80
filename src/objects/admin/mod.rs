//! The Admin API's objects: the request objects the application builds,
//! the options, the owned requests the engine runs, and the result objects
//! and events the engine fills. Their C functions are in the C boundary
//! (`abi::admin`).
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
//!   ([`EventOf`](crate::objects::event::EventOf)) the application polls.

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
