//! The engine: per-client runtime state (instances, topic objects,
//! queues), the event loop that speaks the Kafka protocol (`core/`), the
//! producer, the consumer and its groups, and the settings it takes from
//! the configuration.
//!
//! Imports: `objects`, `protocol`, `config`, `error`; never `abi` (which
//! calls in) or `mock` (see DEVELOPERS.md, Layers, and
//! tools/check-layers.sh).

pub mod api;
pub mod broker;
pub mod core;
pub mod instance;
pub mod metadata;
pub mod queue;
pub mod resolver;
pub mod settings;
pub mod stats;
pub mod timer;
pub mod topic;

use std::sync::atomic::AtomicI32;

/// Threads the library currently runs for all instances (rd_kafka_thread_cnt()).
pub static THREADS: AtomicI32 = AtomicI32::new(0);
pub mod partitioner;
pub mod produce_loop;
pub mod producer;
pub mod wire;
pub mod grouplist;
pub mod idemp;
pub mod consumer;
pub mod assignor;
