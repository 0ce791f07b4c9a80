//! ferrokafka: an Apache Kafka client with the C API and ABI of librdkafka.
//!
//! Layers (see DEVELOPERS.md; imports run down this list only, checked by
//! tools/check-layers.sh):
//! - [`abi`]: the `extern "C"` functions;
//! - [`engine`]: the per-client event loop, connections, metadata, producer,
//!   fetcher, groups;
//! - [`objects`]: the C types and the objects behind the handles the
//!   application receives (messages, events, partition lists, headers,
//!   errors, consumer group metadata, the Admin API's objects);
//! - [`protocol`]: wire codecs, record batches, compression;
//! - [`config`]: the configuration property table;
//! - [`error`]: the error catalog;
//! - [`mock`]: the built-in mock cluster (uses `protocol` and `objects`);
//! - [`recycle`]: idle trimming of the recycling pools (imports nothing;
//!   used by `engine`, `objects` and `protocol`).
//!
//! `objects` is declared before `abi` on purpose: cbindgen emits constants
//! in the order it parses the modules, so rdkafka.h stays the same.

pub mod objects;
pub mod abi;
pub mod config;
pub mod engine;
pub mod error;
pub mod mock;
pub mod protocol;
pub mod recycle;
