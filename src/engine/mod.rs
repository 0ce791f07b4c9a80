//! The engine: per-client runtime state, queues and (in later issues) the
//! event loop that speaks the Kafka protocol.

pub mod broker;
pub mod core;
pub mod instance;
pub mod metadata;
pub mod queue;
pub mod resolver;
pub mod stats;
pub mod timer;

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
