//! Produce requests, encoded by hand so that the record batches (already
//! encoded and compressed by [`RecordBatchBuilder`](super::RecordBatchBuilder))
//! are sent without being copied into a new buffer.
//!
//! ```text
//! v0-2:   acks:int16 timeout_ms:int32 [topic:string [partition:int32 records:bytes]]
//! v3-8:   transactional_id:nullable_string + the above
//! v9-12:  the same, flexible: compact strings/arrays/bytes and tagged fields
//!         after each partition, each topic and the whole body
//! v13+:   topic_id:uuid instead of the topic name
//! ```
//!
//! Produce responses (all versions 0-13) are decoded by hand too
//! ([`decode_produce_response`]): they are on the producer's hot path and
//! kafka-protocol does not know versions 0-2.

use std::collections::VecDeque;
use std::io::IoSlice;

use bytes::{Buf, BufMut, Bytes, BytesMut};

use super::api::{self, keys};
use super::error::{ProtocolError, Result};
use super::fetch::{LeaderIdAndEpoch, NodeEndpoint, decode_node_endpoints, encode_node_endpoints};
use super::wire::{self, Reader};

/// Highest Produce version this encoder knows.
pub const MAX_PRODUCE_VERSION: i16 = 13;

/// Records smaller than this are copied into the surrounding chunk rather
/// than sent as a chunk of their own.
const COPY_THRESHOLD: usize = 512;

/// One partition of a Produce request.
#[derive(Clone, Debug)]
pub struct ProducePartition {
    /// Partition index.
    pub partition: i32,
    /// The encoded record batch / message set (None sends a null).
    pub records: Option<Bytes>,
}

/// One topic of a Produce request.
#[derive(Clone, Debug)]
pub struct ProduceTopic<'a> {
    /// Topic name (versions 0-12).
    pub name: &'a str,
    /// Topic id (version 13+).
    pub topic_id: [u8; 16],
    /// Partitions.
    pub partitions: Vec<ProducePartition>,
}

/// A request frame made of several chunks (size prefix and header, then
/// batches shared with the producer's buffers). Implements [`Buf`], so the
/// engine can write it with `chunks_vectored` + `advance` across partial
/// writes.
#[derive(Clone, Debug, Default)]
pub struct EncodedRequest {
    chunks: VecDeque<Bytes>,
    remaining: usize,
}

impl EncodedRequest {
    fn push(&mut self, b: Bytes) {
        if !b.is_empty() {
            self.remaining += b.len();
            self.chunks.push_back(b);
        }
    }

    /// Bytes left to send (the whole frame until something is advanced).
    pub fn len(&self) -> usize {
        self.remaining
    }

    /// True when everything was sent.
    pub fn is_empty(&self) -> bool {
        self.remaining == 0
    }

    /// The chunks left to send.
    pub fn chunks(&self) -> impl Iterator<Item = &Bytes> {
        self.chunks.iter()
    }

    /// IoSlices for a vectored write.
    pub fn io_slices(&self) -> Vec<IoSlice<'_>> {
        self.chunks.iter().map(|c| IoSlice::new(c)).collect()
    }

    /// Copy into one contiguous buffer (tests, logging).
    pub fn to_bytes(&self) -> Bytes {
        let mut out = BytesMut::with_capacity(self.remaining);
        for c in &self.chunks {
            out.extend_from_slice(c);
        }
        out.freeze()
    }
}

impl From<Bytes> for EncodedRequest {
    fn from(b: Bytes) -> Self {
        let mut r = EncodedRequest::default();
        r.push(b);
        r
    }
}

impl From<BytesMut> for EncodedRequest {
    fn from(b: BytesMut) -> Self {
        b.freeze().into()
    }
}

impl Buf for EncodedRequest {
    fn remaining(&self) -> usize {
        self.remaining
    }

    fn chunk(&self) -> &[u8] {
        self.chunks.front().map_or(&[], |c| &c[..])
    }

    fn advance(&mut self, mut cnt: usize) {
        assert!(cnt <= self.remaining, "advance past the end of the request");
        self.remaining -= cnt;
        while cnt > 0 {
            let front = self
                .chunks
                .front_mut()
                .expect("remaining bytes but no chunk");
            if cnt >= front.len() {
                cnt -= front.len();
                self.chunks.pop_front();
            } else {
                front.advance(cnt);
                cnt = 0;
            }
        }
    }

    fn chunks_vectored<'a>(&'a self, dst: &mut [IoSlice<'a>]) -> usize {
        let mut n = 0;
        for (slot, c) in dst.iter_mut().zip(self.chunks.iter()) {
            *slot = IoSlice::new(c);
            n += 1;
        }
        n
    }
}

/// Encode a complete Produce request frame.
///
/// `transactional_id` is sent from version 3 on (and must be None below);
/// `acks` is `request.required.acks` (-1 all, 0 none, 1 leader). With
/// `acks == 0` the broker sends no response.
#[allow(clippy::too_many_arguments)]
pub fn encode_produce_request(
    api_version: i16,
    correlation_id: i32,
    client_id: Option<&str>,
    transactional_id: Option<&str>,
    acks: i16,
    timeout_ms: i32,
    topics: &[ProduceTopic<'_>],
) -> Result<EncodedRequest> {
    if !(0..=MAX_PRODUCE_VERSION).contains(&api_version) {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: keys::PRODUCE,
            api_version,
        });
    }
    if api_version < 3 && transactional_id.is_some() {
        return Err(ProtocolError::Encode(
            "transactional produce needs Produce v3 or later".into(),
        ));
    }
    let flexible = api_version >= 9;
    let hv = api::request_header_version(keys::PRODUCE, api_version)?;

    let mut out = EncodedRequest::default();
    let mut cur = BytesMut::with_capacity(256);
    api::put_request_header(
        &mut cur,
        hv,
        keys::PRODUCE,
        api_version,
        correlation_id,
        client_id,
    )?;
    if api_version >= 3 {
        wire::put_string(&mut cur, transactional_id.map(str::as_bytes), flexible)?;
    }
    cur.put_i16(acks);
    cur.put_i32(timeout_ms);
    wire::put_array_len(&mut cur, topics.len(), flexible)?;
    for t in topics {
        if api_version >= 13 {
            cur.put_slice(&t.topic_id);
        } else {
            wire::put_string(&mut cur, Some(t.name.as_bytes()), flexible)?;
        }
        wire::put_array_len(&mut cur, t.partitions.len(), flexible)?;
        for p in &t.partitions {
            cur.put_i32(p.partition);
            wire::put_bytes_len(&mut cur, p.records.as_ref().map(Bytes::len), flexible)?;
            if let Some(rec) = &p.records {
                if rec.len() < COPY_THRESHOLD {
                    cur.put_slice(rec);
                } else {
                    out.push(cur.split().freeze());
                    out.push(rec.clone());
                }
            }
            if flexible {
                wire::put_uvarint(&mut cur, 0); // partition tagged fields
            }
        }
        if flexible {
            wire::put_uvarint(&mut cur, 0); // topic tagged fields
        }
    }
    if flexible {
        wire::put_uvarint(&mut cur, 0); // body tagged fields
    }
    out.push(cur.freeze());
    let size = out.remaining;
    if size > i32::MAX as usize {
        return Err(ProtocolError::Encode(format!(
            "produce request of {size} bytes is too large"
        )));
    }
    out.chunks
        .push_front(Bytes::copy_from_slice(&(size as i32).to_be_bytes()));
    out.remaining += 4;
    Ok(out)
}

/// A decoded Produce response body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProduceResponse {
    /// Per-topic results.
    pub topics: Vec<ProduceTopicResponse>,
    /// Throttle time (v1+).
    pub throttle_time_ms: i32,
    /// Endpoints of leaders named in `current_leader` fields (v10+).
    pub node_endpoints: Vec<NodeEndpoint>,
}

/// Results for one topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProduceTopicResponse {
    /// Topic name (v0-12).
    pub name: String,
    /// Topic id (v13+).
    pub topic_id: [u8; 16],
    /// Per-partition results.
    pub partitions: Vec<ProducePartitionResponse>,
}

/// Result for one partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducePartitionResponse {
    /// Partition index.
    pub partition_index: i32,
    /// Error code.
    pub error_code: i16,
    /// Offset given to the first record.
    pub base_offset: i64,
    /// Broker timestamp when the topic uses LogAppendTime (v2+), else -1.
    pub log_append_time_ms: i64,
    /// Log start offset (v5+), else -1.
    pub log_start_offset: i64,
    /// Records that made the batch fail (v8+).
    pub record_errors: Vec<BatchIndexError>,
    /// Error message (v8+).
    pub error_message: Option<String>,
    /// New leader after NOT_LEADER_OR_FOLLOWER (v10+ tag 0).
    pub current_leader: Option<LeaderIdAndEpoch>,
}

impl Default for ProducePartitionResponse {
    fn default() -> Self {
        ProducePartitionResponse {
            partition_index: 0,
            error_code: 0,
            base_offset: -1,
            log_append_time_ms: -1,
            log_start_offset: -1,
            record_errors: Vec::new(),
            error_message: None,
            current_leader: None,
        }
    }
}

/// A record that caused its batch to be rejected (KIP-467).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchIndexError {
    /// Index of the record in the batch.
    pub batch_index: i32,
    /// Why.
    pub message: Option<String>,
}

/// Decode a Produce response body (after the response header), versions
/// 0-13.
pub fn decode_produce_response(api_version: i16, body: &[u8]) -> Result<ProduceResponse> {
    if !(0..=MAX_PRODUCE_VERSION).contains(&api_version) {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: keys::PRODUCE,
            api_version,
        });
    }
    let v = api_version;
    let flex = v >= 9;
    let mut r = Reader::new(body);
    let mut resp = ProduceResponse::default();
    let nt = r.array_len(flex, 2, "produce topics")?;
    for _ in 0..nt {
        let mut t = ProduceTopicResponse::default();
        if v >= 13 {
            t.topic_id = r.uuid("topic id")?;
        } else {
            t.name = r.string(flex, "topic name")?.unwrap_or_default();
        }
        let np = r.array_len(flex, 14, "produce partitions")?;
        t.partitions.reserve(np);
        for _ in 0..np {
            let mut p = ProducePartitionResponse {
                partition_index: r.i32("partition index")?,
                error_code: r.i16("error code")?,
                base_offset: r.i64("base offset")?,
                ..Default::default()
            };
            if v >= 2 {
                p.log_append_time_ms = r.i64("log append time")?;
            }
            if v >= 5 {
                p.log_start_offset = r.i64("log start offset")?;
            }
            if v >= 8 {
                let ne = r.array_len(flex, 5, "record errors")?;
                for _ in 0..ne {
                    let batch_index = r.i32("batch index")?;
                    let message = r.string(flex, "batch index error message")?;
                    if flex {
                        r.tagged_fields(|_, _| Ok(()))?;
                    }
                    p.record_errors.push(BatchIndexError {
                        batch_index,
                        message,
                    });
                }
                p.error_message = r.string(flex, "error message")?;
            }
            if flex {
                r.tagged_fields(|tag, range| {
                    if tag == 0 && v >= 10 {
                        let mut t = Reader::new(&body[range]);
                        p.current_leader = Some(LeaderIdAndEpoch {
                            leader_id: t.i32("current leader id")?,
                            leader_epoch: t.i32("current leader epoch")?,
                        });
                        t.tagged_fields(|_, _| Ok(()))?;
                    }
                    Ok(())
                })?;
            }
            t.partitions.push(p);
        }
        if flex {
            r.tagged_fields(|_, _| Ok(()))?;
        }
        resp.topics.push(t);
    }
    if v >= 1 {
        resp.throttle_time_ms = r.i32("throttle time")?;
    }
    if flex {
        r.tagged_fields(|tag, range| {
            if tag == 0 && v >= 10 {
                resp.node_endpoints = decode_node_endpoints(&body[range])?;
            }
            Ok(())
        })?;
    }
    Ok(resp)
}

/// Encode a Produce response body (broker side: mock cluster and tests).
pub fn encode_produce_response(api_version: i16, resp: &ProduceResponse) -> Result<BytesMut> {
    if !(0..=MAX_PRODUCE_VERSION).contains(&api_version) {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: keys::PRODUCE,
            api_version,
        });
    }
    let v = api_version;
    let flex = v >= 9;
    let mut b = BytesMut::with_capacity(128);
    wire::put_array_len(&mut b, resp.topics.len(), flex)?;
    for t in &resp.topics {
        if v >= 13 {
            b.put_slice(&t.topic_id);
        } else {
            wire::put_string(&mut b, Some(t.name.as_bytes()), flex)?;
        }
        wire::put_array_len(&mut b, t.partitions.len(), flex)?;
        for p in &t.partitions {
            b.put_i32(p.partition_index);
            b.put_i16(p.error_code);
            b.put_i64(p.base_offset);
            if v >= 2 {
                b.put_i64(p.log_append_time_ms);
            }
            if v >= 5 {
                b.put_i64(p.log_start_offset);
            }
            if v >= 8 {
                wire::put_array_len(&mut b, p.record_errors.len(), flex)?;
                for e in &p.record_errors {
                    b.put_i32(e.batch_index);
                    wire::put_string(&mut b, e.message.as_deref().map(str::as_bytes), flex)?;
                    if flex {
                        wire::put_uvarint(&mut b, 0);
                    }
                }
                wire::put_string(&mut b, p.error_message.as_deref().map(str::as_bytes), flex)?;
            }
            if flex {
                match p.current_leader.filter(|_| v >= 10) {
                    Some(l) => {
                        wire::put_uvarint(&mut b, 1);
                        wire::put_uvarint(&mut b, 0);
                        wire::put_uvarint(&mut b, 9);
                        b.put_i32(l.leader_id);
                        b.put_i32(l.leader_epoch);
                        wire::put_uvarint(&mut b, 0);
                    }
                    None => wire::put_uvarint(&mut b, 0),
                }
            }
        }
        if flex {
            wire::put_uvarint(&mut b, 0);
        }
    }
    if v >= 1 {
        b.put_i32(resp.throttle_time_ms);
    }
    if flex {
        if v >= 10 && !resp.node_endpoints.is_empty() {
            let s = encode_node_endpoints(&resp.node_endpoints)?;
            wire::put_uvarint(&mut b, 1);
            wire::put_uvarint(&mut b, 0);
            wire::put_uvarint(&mut b, s.len() as u32);
            b.put_slice(&s);
        } else {
            wire::put_uvarint(&mut b, 0);
        }
    }
    Ok(b)
}
