//! The values that cross the C boundary, below the engine: the C typedefs,
//! enums and structs of rdkafka.h (`types`), and the objects behind the
//! handles the application receives and the engine builds or reads, with
//! their Rust methods: messages, headers, events, topic-partition lists,
//! error objects, UUIDs and nodes (`values`), consumer group metadata
//! (`cgmeta`), and the Admin API's request objects, options, owned
//! requests, result objects and result events (`admin`); plus the C
//! string/heap helpers (`util`). Their `extern "C"` functions are in `abi`.
//!
//! Imports: the error catalog (`crate::error`) and nothing else of the
//! crate; `types` imports nothing at all. Never `abi`, `engine` or `config`.

#![allow(non_camel_case_types, non_snake_case, clippy::missing_safety_doc)]

pub mod types;
pub mod util;

pub mod clock;
pub mod headers;
pub mod message;
pub mod event;
pub mod tpl;
pub mod error;
pub mod values;
pub mod cgmeta;
pub mod admin;
