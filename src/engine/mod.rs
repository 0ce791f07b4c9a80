//! The engine: per-client runtime state, queues and (in later issues) the
//! event loop that speaks the Kafka protocol.

pub mod queue;
pub mod partitioner;
