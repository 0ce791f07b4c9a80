//! Fetch responses (versions 0-18), decoded by hand so that each
//! partition's records stay a zero-copy slice of the received frame.
//!
//! ```text
//! v1+   throttle_time_ms:int32
//! v7+   error_code:int16 session_id:int32
//!       [topic: v0-12 name:string | v13+ topic_id:uuid
//!         [partition_index:int32 error_code:int16 high_watermark:int64
//!          v4+ last_stable_offset:int64
//!          v5+ log_start_offset:int64
//!          v4+ aborted_transactions:[producer_id:int64 first_offset:int64]
//!          v11+ preferred_read_replica:int32
//!          records:nullable_bytes
//!          v12+ tags: 0 diverging_epoch, 1 current_leader, 2 snapshot_id]]
//! v12+  tags: 0 node_endpoints (v16+)
//! ```
//!
//! From v12 on strings, arrays and bytes are compact and every structure
//! ends with tagged fields.

use bytes::{BufMut, Bytes, BytesMut};

use super::api::keys;
use super::error::{ProtocolError, Result};
use super::record_set::{DecodeOptions, RecordSetReader};
use super::wire::{self, Reader};

/// Highest Fetch version handled here.
pub const MAX_FETCH_VERSION: i16 = 18;

/// A decoded Fetch response body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FetchResponse {
    /// Throttle time (v1+).
    pub throttle_time_ms: i32,
    /// Top-level error (v7+).
    pub error_code: i16,
    /// Fetch session id (v7+).
    pub session_id: i32,
    /// Per-topic results.
    pub topics: Vec<FetchTopic>,
    /// Endpoints of leaders named in `current_leader` fields (v16+).
    pub node_endpoints: Vec<NodeEndpoint>,
}

/// Results for one topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FetchTopic {
    /// Topic name (v0-12; empty from v13).
    pub name: String,
    /// Topic id (v13+; zero before).
    pub topic_id: [u8; 16],
    /// Per-partition results.
    pub partitions: Vec<FetchPartition>,
}

/// Results for one partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchPartition {
    /// Partition index.
    pub partition_index: i32,
    /// Error code.
    pub error_code: i16,
    /// High watermark.
    pub high_watermark: i64,
    /// Last stable offset (v4+, -1 before).
    pub last_stable_offset: i64,
    /// Log start offset (v5+, -1 before).
    pub log_start_offset: i64,
    /// Aborted transactions in the returned range (v4+; empty when null).
    pub aborted_transactions: Vec<AbortedTransaction>,
    /// Preferred read replica (v11+, -1 if none).
    pub preferred_read_replica: i32,
    /// The record data, a zero-copy slice of the response (None if null).
    pub records: Option<Bytes>,
    /// Diverging epoch (v12+ tag 0).
    pub diverging_epoch: Option<EpochEndOffset>,
    /// Current leader (v12+ tag 1).
    pub current_leader: Option<LeaderIdAndEpoch>,
    /// Snapshot id (v12+ tag 2).
    pub snapshot_id: Option<SnapshotId>,
}

impl Default for FetchPartition {
    fn default() -> Self {
        FetchPartition {
            partition_index: 0,
            error_code: 0,
            high_watermark: -1,
            last_stable_offset: -1,
            log_start_offset: -1,
            aborted_transactions: Vec::new(),
            preferred_read_replica: -1,
            records: None,
            diverging_epoch: None,
            current_leader: None,
            snapshot_id: None,
        }
    }
}

impl FetchPartition {
    /// A reader over this partition's records (empty if null).
    pub fn record_set(&self, opts: DecodeOptions) -> RecordSetReader {
        RecordSetReader::new(self.records.clone().unwrap_or_default(), opts)
    }
}

/// An aborted transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AbortedTransaction {
    /// Producer id.
    pub producer_id: i64,
    /// First offset of the transaction.
    pub first_offset: i64,
}

/// Diverging epoch (KIP-320 truncation detection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EpochEndOffset {
    /// Epoch.
    pub epoch: i32,
    /// End offset.
    pub end_offset: i64,
}

/// Leader id and epoch (KIP-951).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaderIdAndEpoch {
    /// Leader broker id.
    pub leader_id: i32,
    /// Leader epoch.
    pub leader_epoch: i32,
}

/// Snapshot id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapshotId {
    /// End offset.
    pub end_offset: i64,
    /// Epoch.
    pub epoch: i32,
}

/// A broker endpoint (v16+).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeEndpoint {
    /// Broker id.
    pub node_id: i32,
    /// Host name.
    pub host: String,
    /// Port.
    pub port: i32,
    /// Rack, if any.
    pub rack: Option<String>,
}

fn sub_reader<'a>(data: &'a [u8], r: std::ops::Range<usize>) -> Reader<'a> {
    Reader::new(&data[r])
}

/// Decode a Fetch response body (after the response header) of version
/// `api_version` (0-18). `body` must be the frame's `Bytes` so records can
/// be sliced without copying.
pub fn decode_fetch_response(api_version: i16, body: &Bytes) -> Result<FetchResponse> {
    if !(0..=MAX_FETCH_VERSION).contains(&api_version) {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: keys::FETCH,
            api_version,
        });
    }
    let v = api_version;
    let flex = v >= 12;
    let data: &[u8] = body;
    let mut r = Reader::new(data);
    let mut resp = FetchResponse::default();
    if v >= 1 {
        resp.throttle_time_ms = r.i32("throttle time")?;
    }
    if v >= 7 {
        resp.error_code = r.i16("error code")?;
        resp.session_id = r.i32("session id")?;
    }
    let ntopics = r.array_len(flex, 2, "fetch topics")?;
    resp.topics.reserve(ntopics);
    for _ in 0..ntopics {
        let mut topic = FetchTopic::default();
        if v >= 13 {
            topic.topic_id = r.uuid("topic id")?;
        } else {
            topic.name = r.string(flex, "topic name")?.unwrap_or_default();
        }
        let nparts = r.array_len(flex, 15, "fetch partitions")?;
        topic.partitions.reserve(nparts);
        for _ in 0..nparts {
            let mut p = FetchPartition {
                partition_index: r.i32("partition index")?,
                error_code: r.i16("partition error code")?,
                high_watermark: r.i64("high watermark")?,
                ..Default::default()
            };
            if v >= 4 {
                p.last_stable_offset = r.i64("last stable offset")?;
            }
            if v >= 5 {
                p.log_start_offset = r.i64("log start offset")?;
            }
            if v >= 4 {
                let n = r.array_len(flex, 16, "aborted transactions")?;
                p.aborted_transactions.reserve(n);
                for _ in 0..n {
                    p.aborted_transactions.push(AbortedTransaction {
                        producer_id: r.i64("aborted producer id")?,
                        first_offset: r.i64("aborted first offset")?,
                    });
                    if flex {
                        r.tagged_fields(|_, _| Ok(()))?;
                    }
                }
            }
            if v >= 11 {
                p.preferred_read_replica = r.i32("preferred read replica")?;
            }
            let rec = if flex {
                r.compact_bytes_range("records")?
            } else {
                r.bytes_range("records")?
            };
            p.records = rec.map(|range| body.slice(range));
            if flex {
                r.tagged_fields(|tag, range| {
                    let mut t = sub_reader(data, range);
                    match tag {
                        0 => {
                            p.diverging_epoch = Some(EpochEndOffset {
                                epoch: t.i32("diverging epoch")?,
                                end_offset: t.i64("diverging end offset")?,
                            });
                            t.tagged_fields(|_, _| Ok(()))?;
                        }
                        1 => {
                            p.current_leader = Some(LeaderIdAndEpoch {
                                leader_id: t.i32("current leader id")?,
                                leader_epoch: t.i32("current leader epoch")?,
                            });
                            t.tagged_fields(|_, _| Ok(()))?;
                        }
                        2 => {
                            p.snapshot_id = Some(SnapshotId {
                                end_offset: t.i64("snapshot end offset")?,
                                epoch: t.i32("snapshot epoch")?,
                            });
                            t.tagged_fields(|_, _| Ok(()))?;
                        }
                        _ => {}
                    }
                    Ok(())
                })?;
            }
            topic.partitions.push(p);
        }
        if flex {
            r.tagged_fields(|_, _| Ok(()))?;
        }
        resp.topics.push(topic);
    }
    if flex {
        r.tagged_fields(|tag, range| {
            if tag == 0 && v >= 16 {
                resp.node_endpoints = decode_node_endpoints(&data[range])?;
            }
            Ok(())
        })?;
    }
    Ok(resp)
}

/// Decode a compact array of node endpoints (the body of a NodeEndpoints
/// tagged field of Fetch v16+ / Produce v10+ responses).
pub(crate) fn decode_node_endpoints(data: &[u8]) -> Result<Vec<NodeEndpoint>> {
    let mut t = Reader::new(data);
    let n = t.array_len(true, 11, "node endpoints")?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let node_id = t.i32("node id")?;
        let host = t.string(true, "node host")?.unwrap_or_default();
        let port = t.i32("node port")?;
        let rack = t.string(true, "node rack")?;
        t.tagged_fields(|_, _| Ok(()))?;
        out.push(NodeEndpoint {
            node_id,
            host,
            port,
            rack,
        });
    }
    Ok(out)
}

/// Encode a compact array of node endpoints.
pub(crate) fn encode_node_endpoints(nodes: &[NodeEndpoint]) -> Result<BytesMut> {
    let mut s = BytesMut::new();
    wire::put_array_len(&mut s, nodes.len(), true)?;
    for n in nodes {
        s.put_i32(n.node_id);
        wire::put_string(&mut s, Some(n.host.as_bytes()), true)?;
        s.put_i32(n.port);
        wire::put_string(&mut s, n.rack.as_deref().map(str::as_bytes), true)?;
        wire::put_uvarint(&mut s, 0);
    }
    Ok(s)
}

fn put_tag_struct(buf: &mut BytesMut, tag: u32, body: &[u8]) {
    wire::put_uvarint(buf, tag);
    // +1: the struct's own (empty) tagged-field section.
    wire::put_uvarint(buf, body.len() as u32 + 1);
    buf.put_slice(body);
    wire::put_uvarint(buf, 0);
}

/// Encode a Fetch response body (broker side: mock cluster and tests).
pub fn encode_fetch_response(api_version: i16, resp: &FetchResponse) -> Result<BytesMut> {
    if !(0..=MAX_FETCH_VERSION).contains(&api_version) {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: keys::FETCH,
            api_version,
        });
    }
    let v = api_version;
    let flex = v >= 12;
    let mut b = BytesMut::with_capacity(256);
    if v >= 1 {
        b.put_i32(resp.throttle_time_ms);
    }
    if v >= 7 {
        b.put_i16(resp.error_code);
        b.put_i32(resp.session_id);
    }
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
            b.put_i64(p.high_watermark);
            if v >= 4 {
                b.put_i64(p.last_stable_offset);
            }
            if v >= 5 {
                b.put_i64(p.log_start_offset);
            }
            if v >= 4 {
                wire::put_array_len(&mut b, p.aborted_transactions.len(), flex)?;
                for a in &p.aborted_transactions {
                    b.put_i64(a.producer_id);
                    b.put_i64(a.first_offset);
                    if flex {
                        wire::put_uvarint(&mut b, 0);
                    }
                }
            }
            if v >= 11 {
                b.put_i32(p.preferred_read_replica);
            }
            wire::put_bytes_len(&mut b, p.records.as_ref().map(Bytes::len), flex)?;
            if let Some(rec) = &p.records {
                b.put_slice(rec);
            }
            if flex {
                let n = p.diverging_epoch.is_some() as u32
                    + p.current_leader.is_some() as u32
                    + p.snapshot_id.is_some() as u32;
                wire::put_uvarint(&mut b, n);
                if let Some(d) = p.diverging_epoch {
                    let mut s = Vec::new();
                    s.put_i32(d.epoch);
                    s.put_i64(d.end_offset);
                    put_tag_struct(&mut b, 0, &s);
                }
                if let Some(l) = p.current_leader {
                    let mut s = Vec::new();
                    s.put_i32(l.leader_id);
                    s.put_i32(l.leader_epoch);
                    put_tag_struct(&mut b, 1, &s);
                }
                if let Some(sn) = p.snapshot_id {
                    let mut s = Vec::new();
                    s.put_i64(sn.end_offset);
                    s.put_i32(sn.epoch);
                    put_tag_struct(&mut b, 2, &s);
                }
            }
        }
        if flex {
            wire::put_uvarint(&mut b, 0);
        }
    }
    if flex {
        if v >= 16 && !resp.node_endpoints.is_empty() {
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
