//! ferrokafka: an Apache Kafka client with the C API and ABI of librdkafka.
//!
//! Layers (see DEVELOPERS.md):
//! - [`protocol`]: wire codecs, record batches, compression;
//! - [`engine`]: the per-client event loop, connections, metadata, producer,
//!   fetcher, groups, transactions, admin operations;
//! - [`abi`]: the `extern "C"` functions, handles and C structs;
//! - [`config`]: the configuration property table;
//! - [`mock`]: the built-in mock cluster;
//! - [`recycle`]: idle trimming shared by the recycling pools of the layers.

pub mod abi;
pub mod config;
pub mod engine;
pub mod error;
pub mod mock;
pub mod protocol;
pub mod recycle;
