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

use std::collections::VecDeque;
use std::io::IoSlice;

use bytes::{Buf, BufMut, Bytes, BytesMut};

use super::api::{self, keys};
use super::error::{ProtocolError, Result};
use super::wire;

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
            let front = self.chunks.front_mut().expect("remaining bytes but no chunk");
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
        return Err(ProtocolError::UnsupportedVersion { api_key: keys::PRODUCE, api_version });
    }
    if api_version < 3 && transactional_id.is_some() {
        return Err(ProtocolError::Encode("transactional produce needs Produce v3 or later".into()));
    }
    let flexible = api_version >= 9;
    let hv = api::request_header_version(keys::PRODUCE, api_version)?;

    let mut out = EncodedRequest::default();
    let mut cur = BytesMut::with_capacity(256);
    api::put_request_header(&mut cur, hv, keys::PRODUCE, api_version, correlation_id, client_id)?;
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
        return Err(ProtocolError::Encode(format!("produce request of {size} bytes is too large")));
    }
    out.chunks.push_front(Bytes::copy_from_slice(&(size as i32).to_be_bytes()));
    out.remaining += 4;
    Ok(out)
}
