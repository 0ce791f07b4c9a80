//! Reading the `records` field of a Fetch response (or of a Produce
//! request, broker side): a sequence of v2 record batches and/or legacy
//! v0/v1 messages, whose last element may be cut short by the broker.

use bytes::Bytes;

use super::compression::Compression;
use super::error::{ProtocolError, Result};
use super::message_set::{LegacyMessage, LOG_OVERHEAD};
use super::record_batch::{BatchHeader, Record, RecordBatch, V2Records, BATCH_HEADER_LEN};

/// Options for decoding record sets.
#[derive(Clone, Copy, Debug)]
pub struct DecodeOptions {
    /// Verify CRCs (`check.crcs`, off by default as in librdkafka).
    pub check_crcs: bool,
    /// Largest decompressed size of one batch or wrapper message.
    pub max_decompressed: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions { check_crcs: false, max_decompressed: super::frame::DEFAULT_MAX_FRAME_SIZE }
    }
}

/// One element of a record set: a v2 batch or a legacy message (possibly a
/// compressed wrapper around many).
#[derive(Clone, Debug)]
pub enum Batch {
    /// Message format v2.
    V2(RecordBatch),
    /// Message format v0/v1.
    Legacy(LegacyMessage),
}

impl Batch {
    /// The magic byte (0, 1 or 2).
    pub fn magic(&self) -> i8 {
        match self {
            Batch::V2(b) => b.header.magic,
            Batch::Legacy(m) => m.magic,
        }
    }
    /// First offset (for a legacy wrapper: not known before decompressing,
    /// its last offset is returned).
    pub fn base_offset(&self) -> i64 {
        match self {
            Batch::V2(b) => b.header.base_offset,
            Batch::Legacy(m) => m.offset,
        }
    }
    /// Last offset covered; the next fetch offset is this + 1.
    pub fn last_offset(&self) -> i64 {
        match self {
            Batch::V2(b) => b.header.last_offset(),
            Batch::Legacy(m) => m.offset,
        }
    }
    /// The v2 header, if this is a v2 batch.
    pub fn header(&self) -> Option<&BatchHeader> {
        match self {
            Batch::V2(b) => Some(&b.header),
            Batch::Legacy(_) => None,
        }
    }
    /// Codec.
    pub fn compression(&self) -> Result<Compression> {
        match self {
            Batch::V2(b) => b.header.compression(),
            Batch::Legacy(m) => m.compression(),
        }
    }
    /// Transactional attribute (v2 only).
    pub fn is_transactional(&self) -> bool {
        self.header().is_some_and(BatchHeader::is_transactional)
    }
    /// Control attribute (v2 only).
    pub fn is_control(&self) -> bool {
        self.header().is_some_and(BatchHeader::is_control)
    }
    /// Producer id (-1 for legacy messages).
    pub fn producer_id(&self) -> i64 {
        self.header().map_or(-1, |h| h.producer_id)
    }
    /// Partition leader epoch (-1 for legacy messages).
    pub fn partition_leader_epoch(&self) -> i32 {
        self.header().map_or(-1, |h| h.partition_leader_epoch)
    }
    /// Size on the wire.
    pub fn wire_size(&self) -> usize {
        match self {
            Batch::V2(b) => b.raw.len(),
            Batch::Legacy(m) => m.raw.len(),
        }
    }
    /// Decompress as needed and iterate the records.
    pub fn records(&self, opts: &DecodeOptions) -> Result<Records> {
        Ok(match self {
            Batch::V2(b) => Records::V2(b.records(opts.max_decompressed)?),
            Batch::Legacy(m) => Records::List(m.records(opts.max_decompressed, opts.check_crcs)?.into_iter()),
        })
    }
}

/// Iterator over the records of one [`Batch`].
#[derive(Debug)]
pub enum Records {
    /// Lazily parsed v2 records.
    V2(V2Records),
    /// Records of a legacy message / wrapper, already parsed.
    List(std::vec::IntoIter<Record>),
}

impl Iterator for Records {
    type Item = Result<Record>;
    fn next(&mut self) -> Option<Result<Record>> {
        match self {
            Records::V2(it) => it.next(),
            Records::List(it) => it.next().map(Ok),
        }
    }
}

/// Walks a record set batch by batch.
///
/// - A batch cut short at the end of the data (brokers do this when a
///   fetch hits its size limit) ends the iteration quietly;
///   [`has_partial_tail`](Self::has_partial_tail) then tells the engine
///   that there was one (if no batch at all was complete, the fetch size is
///   too small for the next batch).
/// - A batch that fails its CRC check or has an unknown magic byte is
///   skipped: an error is returned for it, and the next call continues with
///   the following batch, as librdkafka does.
/// - Structural damage that makes the next batch boundary unknowable (a
///   negative length) ends the iteration after returning the error.
#[derive(Debug)]
pub struct RecordSetReader {
    data: Bytes,
    pos: usize,
    opts: DecodeOptions,
    partial_tail: bool,
    done: bool,
}

impl RecordSetReader {
    /// A reader over `data` (the records bytes of one partition).
    pub fn new(data: Bytes, opts: DecodeOptions) -> Self {
        RecordSetReader { data, pos: 0, opts, partial_tail: false, done: false }
    }

    /// Whether the data ended with an incomplete batch.
    pub fn has_partial_tail(&self) -> bool {
        self.partial_tail
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The decode options.
    pub fn options(&self) -> &DecodeOptions {
        &self.opts
    }

    /// The next batch, `Ok(None)` at the end.
    pub fn next_batch(&mut self) -> Result<Option<Batch>> {
        if self.done {
            return Ok(None);
        }
        let rest = &self.data[self.pos..];
        if rest.is_empty() {
            self.done = true;
            return Ok(None);
        }
        // offset(8) + length(4), and the magic byte sits at 16 in both the
        // v2 batch header and the v0/v1 message header.
        if rest.len() < 17 {
            self.partial_tail = true;
            self.done = true;
            return Ok(None);
        }
        let offset = i64::from_be_bytes(rest[0..8].try_into().unwrap());
        let length = i32::from_be_bytes(rest[8..12].try_into().unwrap());
        if length < 0 {
            self.done = true;
            return Err(ProtocolError::malformed(format!("negative batch length {length} at offset {offset}")));
        }
        let total = LOG_OVERHEAD + length as usize;
        if rest.len() < total {
            self.partial_tail = true;
            self.done = true;
            return Ok(None);
        }
        let magic = rest[16] as i8;
        let raw = self.data.slice(self.pos..self.pos + total);
        self.pos += total;
        match magic {
            2 => {
                if total < BATCH_HEADER_LEN {
                    return Err(ProtocolError::malformed(format!("record batch at offset {offset} of {total} bytes is shorter than its header")));
                }
                let batch = RecordBatch::parse(raw)?;
                if self.opts.check_crcs {
                    batch.verify_crc()?;
                }
                Ok(Some(Batch::V2(batch)))
            }
            0 | 1 => {
                let msg = LegacyMessage::parse(raw)?;
                if self.opts.check_crcs {
                    msg.verify_crc()?;
                }
                Ok(Some(Batch::Legacy(msg)))
            }
            other => Err(ProtocolError::UnsupportedMagic { offset, magic: other }),
        }
    }
}

impl Iterator for RecordSetReader {
    type Item = Result<Batch>;
    fn next(&mut self) -> Option<Result<Batch>> {
        self.next_batch().transpose()
    }
}
