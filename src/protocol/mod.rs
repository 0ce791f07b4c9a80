//! The Kafka wire protocol: framing, request/response headers, record
//! batches, legacy message sets and compression.
//!
//! Everything here is synchronous and pure: the engine owns the sockets and
//! buffers and calls these functions to turn values into bytes and bytes
//! into values. No function panics on malformed input; each returns a
//! [`ProtocolError`] (with [`ProtocolError::rd_kafka_code`] giving the
//! librdkafka error code to report).
//!
//! # What the engine calls
//!
//! **Receiving.** Feed socket bytes to a [`FrameReader`] (one per
//! connection, built with `receive.message.max.bytes`), either with
//! [`FrameReader::read_from`] (reads straight from the socket into its
//! buffer) or [`FrameReader::extend_from_slice`]. Each
//! [`FrameReader::next_frame`] yields one complete response frame as
//! zero-copy [`Bytes`]. [`peek_correlation_id`] finds the in-flight request
//! it answers; then:
//!
//! - control-plane responses: [`decode_response`]`::<T>(api_key,
//!   api_version, frame)` decodes the response header (v0 or v1, chosen from
//!   the key and version; always v0 for ApiVersions) and the body with the
//!   generated `kafka-protocol` type `T` (re-exported as [`messages`]).
//!   ApiVersions has [`decode_api_versions_response`], which copes with
//!   brokers answering an unsupported version with a v0 body.
//! - Fetch: [`decode_response_header`] then [`decode_fetch_response`]
//!   (hand-written, versions 0-18). Each partition's `records` is a zero-copy
//!   [`Bytes`]; walk it with [`RecordSetReader`], which yields [`Batch`]es
//!   (v2 batches or legacy v0/v1 messages) whose [`Batch::records`]
//!   decompresses if needed and yields [`Record`]s whose key and value are
//!   zero-copy slices. For `read_committed`, [`AbortedTransactions`] (built
//!   from the partition's aborted transaction list) says which batches to
//!   drop; feed it the ABORT control records met on the way.
//! - Produce: [`decode_response_header`] then [`decode_produce_response`]
//!   (hand-written, versions 0-13; [`decode_response`] with
//!   [`messages::ProduceResponse`] also works for 3+).
//!
//! **Sending.** [`supported_versions`] gives the version range this layer
//! can encode per API key, to intersect with the broker's ApiVersions.
//! [`encode_request`]`(api_key, api_version, correlation_id,
//! client_id, &body)` returns the complete frame (size prefix, request
//! header v1 or v2, body). Produce requests are built by hand:
//! [`RecordBatchBuilder`] makes one v2 batch per partition (compression,
//! idempotence and transactional fields, CRC-32C), and
//! [`encode_produce_request`] frames them without copying the batches into
//! a new buffer ([`EncodedRequest::chunks`] for vectored writes).
//!
//! # Limits worth knowing
//!
//! - Requests other than Produce go through kafka-protocol, whose ranges
//!   start where Kafka 4 starts (Fetch 4+, ListOffsets 1+, OffsetCommit 2+
//!   ...): [`supported_versions`] reports them.
//! - The LZ4 compression level is ignored (lz4_flex has one fast mode).
//! - [`DecodeOptions::max_decompressed`] bounds every decompression; set it
//!   from `receive.message.max.bytes` like librdkafka does for zstd.
//! - kafka-protocol is used through a patched copy (vendor/kafka-protocol)
//!   that refuses impossible array counts instead of aborting on a huge
//!   allocation.
//!
//! # Example: a request/response round trip
//!
//! ```
//! use bytes::Bytes;
//! use ferrokafka::protocol::*;
//! use ferrokafka::protocol::messages::{ApiVersionsRequest, ApiVersionsResponse};
//!
//! // Engine side: encode and send.
//! let req = ApiVersionsRequest::default()
//!     .with_client_software_name(StrBytes::from_static_str("ferrokafka"))
//!     .with_client_software_version(StrBytes::from_static_str("0.1"));
//! let out = encode_request(keys::API_VERSIONS, 3, 42, Some("rdkafka"), &req).unwrap();
//!
//! // (A broker answers; here we make the answer ourselves.)
//! let resp = ApiVersionsResponse::default();
//! let wire = encode_response(keys::API_VERSIONS, 3, 42, &resp).unwrap();
//!
//! // Engine side: frame, match, decode.
//! let mut frames = FrameReader::new(100_000_000);
//! frames.extend_from_slice(&wire);
//! let frame = frames.next_frame().unwrap().unwrap();
//! assert_eq!(peek_correlation_id(&frame).unwrap(), 42);
//! let (hdr, body, _v) = decode_api_versions_response(3, frame).unwrap();
//! assert_eq!(hdr.correlation_id, 42);
//! assert_eq!(body.error_code, 0);
//! # let _ = out;
//! ```
//!
//! # Example: producing and decoding a record batch
//!
//! ```
//! use ferrokafka::protocol::*;
//!
//! let mut b = RecordBatchBuilder::new(BatchOptions {
//!     compression: Compression::Zstd,
//!     producer_id: 1000, producer_epoch: 0, base_sequence: 0, // idempotent
//!     ..Default::default()
//! });
//! b.append(1_700_000_000_000, Some(b"k1"), Some(b"v1"), [(&b"trace"[..], Some(&b"x"[..]))]);
//! b.append(1_700_000_000_005, None, Some(b"v2"), []);
//! let batch = b.finish().unwrap();
//!
//! let produce = encode_produce_request(
//!     9, 1, Some("rdkafka"), None, -1, 30_000,
//!     &[ProduceTopic { name: "t", topic_id: [0; 16],
//!                      partitions: vec![ProducePartition { partition: 0, records: Some(batch.clone()) }] }],
//! ).unwrap();
//! assert_eq!(produce.len(), produce.to_bytes().len());
//!
//! // Consumer side: the same bytes as found in a Fetch response.
//! let mut reader = RecordSetReader::new(batch, DecodeOptions { check_crcs: true, ..Default::default() });
//! let batch = reader.next_batch().unwrap().unwrap();
//! let recs: Vec<Record> = batch.records(reader.options()).unwrap().map(Result::unwrap).collect();
//! assert_eq!(recs[1].offset, 1);
//! assert_eq!(recs[1].value.as_deref(), Some(&b"v2"[..]));
//! assert_eq!(recs[0].headers.parse().unwrap()[0].key, b"trace");
//! ```
//!
//! # Modules
//!
//! - [`frame`] - [`FrameReader`].
//! - [`api`] - header versions, [`encode_request`], [`decode_response`] and
//!   friends (also the broker side used by the mock cluster:
//!   [`decode_request_header`], [`encode_response`]).
//! - [`record_batch`] - v2 batches ([`RecordBatchBuilder`], [`RecordBatch`],
//!   [`Record`], control records).
//! - [`message_set`] - legacy v0/v1 messages ([`MessageSetBuilder`],
//!   [`LegacyMessage`]), nested compression.
//! - [`record_set`] - [`RecordSetReader`] over mixed record data.
//! - [`compression`] - gzip, snappy (raw and snappy-java framing), lz4
//!   (including Kafka's broken v0 header checksum), zstd.
//! - [`produce`] - hand-written Produce request encoding and response
//!   decoding (v0-v13).
//! - [`fetch`] - hand-written Fetch response (v0-v18) decoding and encoding.
//! - [`wire`] - primitive readers/writers (varints, compact strings ...).
//!
//! (The `cbindgen:ignore` lines on the modules keep their constants out of
//! the generated C header.)
//!
//! Imports: nothing of the crate but `error` (see DEVELOPERS.md, Layers,
//! and tools/check-layers.sh).

/// cbindgen:ignore
pub mod api;
/// cbindgen:ignore
pub mod compression;
/// cbindgen:ignore
pub mod error;
/// cbindgen:ignore
pub mod fetch;
/// cbindgen:ignore
pub mod frame;
/// cbindgen:ignore
#[doc(hidden)]
pub mod fuzz_support;
/// cbindgen:ignore
pub mod message_set;
/// cbindgen:ignore
pub mod produce;
/// cbindgen:ignore
pub mod produce_request;
/// cbindgen:ignore
pub mod record_batch;
/// cbindgen:ignore
pub mod record_set;
/// cbindgen:ignore
pub mod wire;

pub use bytes::{Bytes, BytesMut};
/// The generated message types (requests, responses and their parts).
pub use kafka_protocol::messages;
pub use kafka_protocol::messages::ApiKey;
pub use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};

pub use api::{
    RequestHeader, ResponseHeader, check_version, decode_api_versions_response,
    decode_request_body, decode_request_header, decode_response, decode_response_body,
    decode_response_header, encode_request, encode_response, is_flexible, keys,
    peek_correlation_id, request_header_version, response_header_version, supported_versions,
};
pub use compression::{Compression, compress, decompress};
pub use error::{ProtocolError, Result};
pub use fetch::{
    AbortedTransaction, EpochEndOffset, FetchPartition, FetchResponse, FetchTopic,
    LeaderIdAndEpoch, NodeEndpoint, SnapshotId, decode_fetch_response, encode_fetch_response,
};
pub use frame::{DEFAULT_MAX_FRAME_SIZE, FrameReader};
pub use message_set::{LegacyMessage, MessageSetBuilder};
pub use produce::{
    BatchIndexError, EncodedRequest, ProducePartition, ProducePartitionResponse, ProduceResponse,
    ProduceTopic, ProduceTopicResponse, decode_produce_response, encode_produce_request,
    encode_produce_response,
};
pub use produce_request::{
    ProduceRequestData, ProduceRequestPartition, ProduceRequestTopic, decode_produce_request,
};
pub use record_batch::{
    BatchHeader, BatchOptions, ControlRecordType, Header, Record, RecordBatch, RecordBatchBuilder,
    RecordHeaders, RecordSpan, TimestampType, V2Records, parse_control_key,
};
pub use record_set::{AbortedTransactions, Batch, DecodeOptions, RecordSetReader, Records};
