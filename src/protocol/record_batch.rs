//! Record batches (message format v2, magic byte 2), written by hand.
//!
//! Layout of a batch (all integers big-endian):
//!
//! ```text
//! offset  size  field
//!      0     8  baseOffset
//!      8     4  batchLength            (bytes after this field)
//!     12     4  partitionLeaderEpoch
//!     16     1  magic (2)
//!     17     4  crc                    (CRC-32C of bytes 21..end)
//!     21     2  attributes             (codec:3, timestampType:1,
//!                                       isTransactional:1, isControl:1)
//!     23     4  lastOffsetDelta
//!     27     8  baseTimestamp
//!     35     8  maxTimestamp
//!     43     8  producerId
//!     51     2  producerEpoch
//!     53     4  baseSequence
//!     57     4  recordCount
//!     61     -  records (compressed as one block if codec != none)
//! ```
//!
//! A record is `length:varint, attributes:int8, timestampDelta:varlong,
//! offsetDelta:varint, key:varint-bytes, value:varint-bytes,
//! headerCount:varint, [headerKey:varint-string, headerValue:varint-bytes]`,
//! where varints are zigzag-encoded and a length of -1 means null.

use bytes::{BufMut, Bytes};

use super::compression::{self, Compression};
use super::error::{ProtocolError, Result};
use super::wire::{self, Reader};

/// Size of the fixed batch header (up to and including recordCount).
pub const BATCH_HEADER_LEN: usize = 61;
/// Bytes of the header that `batchLength` does not count.
pub const BATCH_LENGTH_OFFSET: usize = 12;
/// Where the CRC-32C field sits.
pub const CRC_OFFSET: usize = 17;
/// Where the CRC-covered range starts (attributes).
pub const ATTRIBUTES_OFFSET: usize = 21;

/// Attribute bits of a v2 batch (and, for the low four, of v0/v1 messages).
pub mod attr {
    /// Codec bits.
    pub const COMPRESSION_MASK: i16 = 0x07;
    /// Timestamps were set by the broker (LogAppendTime).
    pub const LOG_APPEND_TIME: i16 = 0x08;
    /// The batch belongs to a transaction.
    pub const TRANSACTIONAL: i16 = 0x10;
    /// The batch holds control records (transaction markers).
    pub const CONTROL: i16 = 0x20;
}

/// How a record's timestamp was assigned; values match librdkafka's
/// `rd_kafka_timestamp_type_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum TimestampType {
    /// No timestamp (message format v0).
    NotAvailable = 0,
    /// Set by the producer.
    CreateTime = 1,
    /// Set by the broker when appending to the log.
    LogAppendTime = 2,
}

/// Kind of a control record (transaction marker).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ControlRecordType {
    /// The transaction was aborted (type 0).
    Abort,
    /// The transaction was committed (type 1).
    Commit,
    /// A type this client does not know.
    Unknown(i16),
}

impl ControlRecordType {
    /// The wire value.
    pub fn code(self) -> i16 {
        match self {
            ControlRecordType::Abort => 0,
            ControlRecordType::Commit => 1,
            ControlRecordType::Unknown(c) => c,
        }
    }
}

/// Parse the key of a control record: INT16 version (0), INT16 type.
/// Returns None for versions other than 0 (which librdkafka skips), an
/// error for a key too short to hold the fields.
pub fn parse_control_key(key: &[u8]) -> Result<Option<ControlRecordType>> {
    let mut r = Reader::new(key);
    let version = r.i16("control record version")?;
    if version != 0 {
        return Ok(None);
    }
    let ty = r.i16("control record type")?;
    Ok(Some(match ty {
        0 => ControlRecordType::Abort,
        1 => ControlRecordType::Commit,
        other => ControlRecordType::Unknown(other),
    }))
}

/// Options of a batch being written.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Codec applied to the records section.
    pub compression: Compression,
    /// Codec level, -1 for the codec's default.
    pub compression_level: i32,
    /// Producer id (-1 unless idempotent/transactional).
    pub producer_id: i64,
    /// Producer epoch (-1 unless idempotent/transactional).
    pub producer_epoch: i16,
    /// Sequence number of the first record (-1 unless idempotent).
    pub base_sequence: i32,
    /// Set the transactional attribute.
    pub transactional: bool,
    /// Set the control attribute (use [`RecordBatchBuilder::append_control`]).
    pub control: bool,
    /// Set the LogAppendTime attribute (broker side).
    pub log_append_time: bool,
    /// Base offset (0 when producing; the broker assigns offsets).
    pub base_offset: i64,
    /// Partition leader epoch (-1 when producing).
    pub partition_leader_epoch: i32,
    /// Send the records uncompressed when compression does not make them
    /// smaller, as librdkafka does.
    pub skip_useless_compression: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            compression: Compression::None,
            compression_level: compression::DEFAULT_LEVEL,
            producer_id: -1,
            producer_epoch: -1,
            base_sequence: -1,
            transactional: false,
            control: false,
            log_append_time: false,
            base_offset: 0,
            partition_leader_epoch: -1,
            skip_useless_compression: true,
        }
    }
}

fn nullable_varint_len(b: Option<&[u8]>) -> usize {
    match b {
        None => 1,
        Some(b) => wire::varint_len(b.len() as i32) + b.len(),
    }
}

fn put_nullable_varint_bytes(buf: &mut Vec<u8>, b: Option<&[u8]>) {
    match b {
        None => wire::put_varint(buf, -1),
        Some(b) => {
            wire::put_varint(buf, b.len() as i32);
            buf.extend_from_slice(b);
        }
    }
}

/// Builds one v2 record batch. Records are encoded as they are appended;
/// [`finish`](Self::finish) compresses them, fills in the header and the
/// CRC-32C, and returns the batch as one contiguous `Bytes`.
///
/// ```
/// use ferrokafka::protocol::{RecordBatchBuilder, BatchOptions, Compression};
/// let mut b = RecordBatchBuilder::new(BatchOptions {
///     compression: Compression::Lz4,
///     ..Default::default()
/// });
/// b.append(1_700_000_000_000, Some(b"key"), Some(b"value"), [(&b"h"[..], Some(&b"v"[..]))]);
/// let batch = b.finish().unwrap();
/// assert_eq!(batch[16], 2); // magic
/// ```
#[derive(Debug)]
pub struct RecordBatchBuilder {
    opts: BatchOptions,
    /// BATCH_HEADER_LEN placeholder bytes, then the encoded records.
    buf: Vec<u8>,
    count: i32,
    base_timestamp: i64,
    max_timestamp: i64,
}

impl RecordBatchBuilder {
    /// A builder for an empty batch.
    pub fn new(opts: BatchOptions) -> Self {
        Self::with_capacity(opts, 1024)
    }

    /// A builder whose buffer starts with room for `capacity` bytes.
    pub fn with_capacity(opts: BatchOptions, capacity: usize) -> Self {
        let mut buf = Vec::with_capacity(capacity.max(BATCH_HEADER_LEN));
        buf.resize(BATCH_HEADER_LEN, 0);
        RecordBatchBuilder {
            opts,
            buf,
            count: 0,
            base_timestamp: 0,
            max_timestamp: -1,
        }
    }

    /// Number of records appended.
    pub fn record_count(&self) -> i32 {
        self.count
    }

    /// True if nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Size the batch would have uncompressed (header + records so far).
    pub fn uncompressed_size(&self) -> usize {
        self.buf.len()
    }

    /// The options this builder was made with.
    pub fn options(&self) -> &BatchOptions {
        &self.opts
    }

    /// Upper bound of the bytes a record with these sizes adds to a batch
    /// (uncompressed), for checking `batch.size` / `message.max.bytes`
    /// before appending. Varints are counted at their largest.
    pub fn max_record_size(
        key_len: Option<usize>,
        value_len: Option<usize>,
        header_bytes: usize,
        header_count: usize,
    ) -> usize {
        5 /* length */ + 1 /* attributes */ + 10 /* ts delta */ + 5 /* offset delta */
            + 5 + key_len.unwrap_or(0) + 5 + value_len.unwrap_or(0)
            + 5 + header_bytes + header_count * 10
    }

    fn begin_record(&mut self, timestamp: i64) -> (i64, i32) {
        if self.count == 0 {
            self.base_timestamp = timestamp;
        }
        if timestamp > self.max_timestamp {
            self.max_timestamp = timestamp;
        }
        (timestamp.wrapping_sub(self.base_timestamp), self.count)
    }

    /// Append a record. `headers` yields (name, value) pairs; pass `[]` for
    /// none. Returns the number of bytes the record took.
    pub fn append<'h, I>(
        &mut self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: I,
    ) -> usize
    where
        I: IntoIterator<Item = (&'h [u8], Option<&'h [u8]>)>,
        I::IntoIter: Clone,
    {
        let headers = headers.into_iter();
        let (ts_delta, offset_delta) = self.begin_record(timestamp);
        let mut hcount = 0usize;
        let mut hbytes = 0usize;
        for (k, v) in headers.clone() {
            hcount += 1;
            hbytes += wire::varint_len(k.len() as i32) + k.len() + nullable_varint_len(v);
        }
        let body = 1
            + wire::varlong_len(ts_delta)
            + wire::varint_len(offset_delta)
            + nullable_varint_len(key)
            + nullable_varint_len(value)
            + wire::varint_len(hcount as i32)
            + hbytes;
        let start = self.buf.len();
        self.buf.reserve(body + 5);
        wire::put_varint(&mut self.buf, body as i32);
        self.buf.put_i8(0); // record attributes: unused
        wire::put_varlong(&mut self.buf, ts_delta);
        wire::put_varint(&mut self.buf, offset_delta);
        put_nullable_varint_bytes(&mut self.buf, key);
        put_nullable_varint_bytes(&mut self.buf, value);
        wire::put_varint(&mut self.buf, hcount as i32);
        for (k, v) in headers {
            wire::put_varint(&mut self.buf, k.len() as i32);
            self.buf.extend_from_slice(k);
            put_nullable_varint_bytes(&mut self.buf, v);
        }
        self.count += 1;
        self.buf.len() - start
    }

    /// Append a control record (transaction marker): key is
    /// `INT16 version 0, INT16 type`, value is `INT16 version 0, INT32
    /// coordinator epoch`. Requires `BatchOptions::control`.
    pub fn append_control(
        &mut self,
        timestamp: i64,
        kind: ControlRecordType,
        coordinator_epoch: i32,
    ) -> usize {
        let mut key = [0u8; 4];
        key[2..].copy_from_slice(&kind.code().to_be_bytes());
        let mut value = [0u8; 6];
        value[2..].copy_from_slice(&coordinator_epoch.to_be_bytes());
        self.append(timestamp, Some(&key), Some(&value), [])
    }

    /// Compress, fill in the header and checksum, and return the batch.
    /// Fails on an empty batch (Kafka has no use for one from a client).
    pub fn finish(self) -> Result<Bytes> {
        let RecordBatchBuilder {
            opts,
            mut buf,
            count,
            base_timestamp,
            max_timestamp,
        } = self;
        if count == 0 {
            return Err(ProtocolError::Encode(
                "cannot finish an empty record batch".into(),
            ));
        }
        let mut codec = opts.compression;
        if codec != Compression::None {
            let records = &buf[BATCH_HEADER_LEN..];
            let mut out = Vec::with_capacity(BATCH_HEADER_LEN + records.len() / 2 + 64);
            out.resize(BATCH_HEADER_LEN, 0);
            compression::compress_into(codec, opts.compression_level, records, &mut out)?;
            if opts.skip_useless_compression && out.len() >= buf.len() {
                codec = Compression::None;
            } else {
                buf = out;
            }
        }
        if buf.len() - BATCH_LENGTH_OFFSET > i32::MAX as usize {
            return Err(ProtocolError::Encode("record batch too large".into()));
        }
        let mut attributes = codec.id() as i16;
        if opts.log_append_time {
            attributes |= attr::LOG_APPEND_TIME;
        }
        if opts.transactional {
            attributes |= attr::TRANSACTIONAL;
        }
        if opts.control {
            attributes |= attr::CONTROL;
        }
        let total = buf.len();
        {
            let mut h = &mut buf[..BATCH_HEADER_LEN];
            h.put_i64(opts.base_offset);
            h.put_i32((total - BATCH_LENGTH_OFFSET) as i32);
            h.put_i32(opts.partition_leader_epoch);
            h.put_i8(2);
            h.put_u32(0); // CRC placeholder
            h.put_i16(attributes);
            h.put_i32(count - 1);
            h.put_i64(base_timestamp);
            h.put_i64(max_timestamp);
            h.put_i64(opts.producer_id);
            h.put_i16(opts.producer_epoch);
            h.put_i32(opts.base_sequence);
            h.put_i32(count);
        }
        let crc = crc32c::crc32c(&buf[ATTRIBUTES_OFFSET..]);
        buf[CRC_OFFSET..CRC_OFFSET + 4].copy_from_slice(&crc.to_be_bytes());
        Ok(Bytes::from(buf))
    }
}

/// The fixed header of a v2 record batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchHeader {
    /// Offset of the first record.
    pub base_offset: i64,
    /// Bytes after the length field.
    pub batch_length: i32,
    /// Leader epoch stamped by the broker.
    pub partition_leader_epoch: i32,
    /// Magic byte (2).
    pub magic: i8,
    /// Stored CRC-32C.
    pub crc: u32,
    /// Attributes.
    pub attributes: i16,
    /// Offset of the last record minus `base_offset`.
    pub last_offset_delta: i32,
    /// Timestamp of the first record.
    pub base_timestamp: i64,
    /// Largest timestamp in the batch.
    pub max_timestamp: i64,
    /// Producer id, -1 if none.
    pub producer_id: i64,
    /// Producer epoch, -1 if none.
    pub producer_epoch: i16,
    /// Sequence of the first record, -1 if none.
    pub base_sequence: i32,
    /// Number of records claimed by the header.
    pub record_count: i32,
}

impl BatchHeader {
    /// Parse the 61-byte header at the start of `data`.
    pub fn parse(data: &[u8]) -> Result<BatchHeader> {
        let mut r = Reader::new(data);
        let h = BatchHeader {
            base_offset: r.i64("batch base offset")?,
            batch_length: r.i32("batch length")?,
            partition_leader_epoch: r.i32("partition leader epoch")?,
            magic: r.i8("magic")?,
            crc: r.u32("batch crc")?,
            attributes: r.i16("batch attributes")?,
            last_offset_delta: r.i32("last offset delta")?,
            base_timestamp: r.i64("base timestamp")?,
            max_timestamp: r.i64("max timestamp")?,
            producer_id: r.i64("producer id")?,
            producer_epoch: r.i16("producer epoch")?,
            base_sequence: r.i32("base sequence")?,
            record_count: r.i32("record count")?,
        };
        if h.batch_length < (BATCH_HEADER_LEN - BATCH_LENGTH_OFFSET) as i32 {
            return Err(ProtocolError::malformed(format!(
                "record batch at offset {} has length {} < header size",
                h.base_offset, h.batch_length
            )));
        }
        Ok(h)
    }

    /// Codec of the records section.
    pub fn compression(&self) -> Result<Compression> {
        Compression::from_attributes(self.attributes)
    }
    /// Transactional attribute.
    pub fn is_transactional(&self) -> bool {
        self.attributes & attr::TRANSACTIONAL != 0
    }
    /// Control attribute.
    pub fn is_control(&self) -> bool {
        self.attributes & attr::CONTROL != 0
    }
    /// Timestamp type of the batch.
    pub fn timestamp_type(&self) -> TimestampType {
        if self.attributes & attr::LOG_APPEND_TIME != 0 {
            TimestampType::LogAppendTime
        } else {
            TimestampType::CreateTime
        }
    }
    /// Offset of the last record (the next fetch offset is this + 1, even
    /// when compaction removed the records at the end, see KAFKA-5443).
    pub fn last_offset(&self) -> i64 {
        self.base_offset.wrapping_add(self.last_offset_delta as i64)
    }
}

/// A v2 batch cut from a fetch response, not yet decompressed or parsed
/// past its header. Cloning is cheap (the bytes are shared).
#[derive(Clone, Debug)]
pub struct RecordBatch {
    /// The parsed header.
    pub header: BatchHeader,
    /// The whole batch, header included.
    pub raw: Bytes,
}

impl RecordBatch {
    /// Parse the batch occupying exactly `raw` (as cut by the record set
    /// reader).
    pub fn parse(raw: Bytes) -> Result<RecordBatch> {
        let header = BatchHeader::parse(&raw)?;
        let end = BATCH_LENGTH_OFFSET + header.batch_length as usize;
        if raw.len() < end {
            return Err(ProtocolError::truncated("record batch"));
        }
        let raw = raw.slice(..end);
        Ok(RecordBatch { header, raw })
    }

    /// CRC-32C of the covered range (attributes to end).
    pub fn computed_crc(&self) -> u32 {
        crc32c::crc32c(&self.raw[ATTRIBUTES_OFFSET..])
    }

    /// Check the stored CRC-32C.
    pub fn verify_crc(&self) -> Result<()> {
        let computed = self.computed_crc();
        if computed != self.header.crc {
            return Err(ProtocolError::Checksum {
                offset: self.header.base_offset,
                stored: self.header.crc,
                computed,
            });
        }
        Ok(())
    }

    /// The (possibly compressed) records section.
    pub fn payload(&self) -> Bytes {
        self.raw.slice(BATCH_HEADER_LEN..)
    }

    /// Iterate the records, decompressing first if needed (at most
    /// `max_decompressed` bytes). Key, value and headers of each record are
    /// zero-copy slices of the batch (or of the decompressed buffer).
    pub fn records(&self, max_decompressed: usize) -> Result<V2Records> {
        let codec = self.header.compression()?;
        let data = if codec == Compression::None {
            self.payload()
        } else {
            Bytes::from(compression::decompress(
                codec,
                &self.raw[BATCH_HEADER_LEN..],
                max_decompressed,
            )?)
        };
        Ok(V2Records {
            data,
            pos: 0,
            base_offset: self.header.base_offset,
            base_timestamp: self.header.base_timestamp,
            max_timestamp: self.header.max_timestamp,
            log_append_time: self.header.attributes & attr::LOG_APPEND_TIME != 0,
            leader_epoch: self.header.partition_leader_epoch,
            failed: false,
        })
    }
}

/// One record as decoded from a batch or a legacy message set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Absolute offset.
    pub offset: i64,
    /// Timestamp in milliseconds (-1 if not available).
    pub timestamp: i64,
    /// How the timestamp was assigned.
    pub timestamp_type: TimestampType,
    /// Key (None = null).
    pub key: Option<Bytes>,
    /// Value (None = null).
    pub value: Option<Bytes>,
    /// Headers, parsed on access.
    pub headers: RecordHeaders,
    /// Partition leader epoch of the batch (-1 for legacy messages).
    pub leader_epoch: i32,
}

impl Record {
    /// If this record is a control record (from a control batch), its
    /// marker type.
    pub fn control_type(&self) -> Result<Option<ControlRecordType>> {
        match &self.key {
            Some(k) => parse_control_key(k),
            None => Err(ProtocolError::malformed("control record without a key")),
        }
    }
}

/// The encoded headers of a record: a varint count followed by the
/// headers. Parsed lazily, like librdkafka does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordHeaders {
    raw: Bytes,
}

/// One record header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// Header name (UTF-8 by convention, not checked).
    pub key: &'a [u8],
    /// Header value (None = null).
    pub value: Option<&'a [u8]>,
}

impl RecordHeaders {
    /// Headers from their encoded form (count + headers); empty bytes mean
    /// no headers (legacy messages).
    pub fn from_raw(raw: Bytes) -> Self {
        RecordHeaders { raw }
    }

    /// The encoded form.
    pub fn raw(&self) -> &Bytes {
        &self.raw
    }

    /// Parse all headers, failing on malformed input.
    pub fn parse(&self) -> Result<Vec<Header<'_>>> {
        if self.raw.is_empty() {
            return Ok(Vec::new());
        }
        let mut r = Reader::new(&self.raw);
        let n = r.varint("header count")?;
        if n < 0 {
            // -1 (null) is tolerated as "no headers".
            if n == -1 && r.is_empty() {
                return Ok(Vec::new());
            }
            return Err(ProtocolError::malformed(format!(
                "negative header count {n}"
            )));
        }
        // Each header takes at least two bytes.
        if n as usize > r.remaining() / 2 {
            return Err(ProtocolError::malformed(format!(
                "header count {n} exceeds the data"
            )));
        }
        let mut out = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let klen = r.varint("header key length")?;
            if klen < 0 {
                return Err(ProtocolError::malformed("null header key"));
            }
            let key = r.take(klen as usize, "header key")?;
            let value = match r.varint("header value length")? {
                -1 => None,
                l if l < 0 => return Err(ProtocolError::malformed("negative header value length")),
                l => Some(r.take(l as usize, "header value")?),
            };
            out.push(Header { key, value });
        }
        if !r.is_empty() {
            return Err(ProtocolError::malformed(
                "trailing bytes after record headers",
            ));
        }
        Ok(out)
    }

    /// Number of headers claimed by the count (0 if none or unreadable).
    pub fn count(&self) -> usize {
        Self::count_in(&self.raw)
    }

    /// [`count`](Self::count) of an encoded header section.
    pub fn count_in(raw: &[u8]) -> usize {
        if raw.is_empty() {
            return 0;
        }
        Reader::new(raw)
            .varint("header count")
            .map(|n| n.max(0) as usize)
            .unwrap_or(0)
    }
}

/// Iterator over the records of a v2 batch.
#[derive(Debug)]
pub struct V2Records {
    data: Bytes,
    pos: usize,
    base_offset: i64,
    base_timestamp: i64,
    max_timestamp: i64,
    log_append_time: bool,
    leader_epoch: i32,
    failed: bool,
}

/// A v2 record located in its batch's record data ([`V2Records::data`]):
/// byte ranges instead of buffers, so that decoding takes no reference on
/// the data per record. [`V2Records::record_of`] turns it into a
/// [`Record`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSpan {
    /// Absolute offset.
    pub offset: i64,
    /// Timestamp in milliseconds.
    pub timestamp: i64,
    /// How the timestamp was assigned.
    pub timestamp_type: TimestampType,
    /// Key range (None = null).
    pub key: Option<std::ops::Range<usize>>,
    /// Value range (None = null).
    pub value: Option<std::ops::Range<usize>>,
    /// The encoded headers (count first; may be empty).
    pub headers: std::ops::Range<usize>,
}

impl V2Records {
    /// The (decompressed) record data the spans point into.
    pub fn data(&self) -> &Bytes {
        &self.data
    }

    /// Partition leader epoch of the batch.
    pub fn leader_epoch(&self) -> i32 {
        self.leader_epoch
    }

    /// The next record as a span; None at the end (and after an error).
    pub fn next_span(&mut self) -> Option<Result<RecordSpan>> {
        if self.failed || self.pos >= self.data.len() {
            return None;
        }
        let r = self.parse_span();
        if r.is_err() {
            self.failed = true;
        }
        Some(r)
    }

    /// The record a span of this batch describes.
    pub fn record_of(&self, s: RecordSpan) -> Record {
        Record {
            offset: s.offset,
            timestamp: s.timestamp,
            timestamp_type: s.timestamp_type,
            key: s.key.map(|k| self.data.slice(k)),
            value: s.value.map(|v| self.data.slice(v)),
            headers: RecordHeaders::from_raw(self.data.slice(s.headers)),
            leader_epoch: self.leader_epoch,
        }
    }

    fn parse_span(&mut self) -> Result<RecordSpan> {
        let mut r = Reader::new(&self.data[self.pos..]);
        let len = r.varint("record length")?;
        if len < 0 {
            return Err(ProtocolError::malformed(format!(
                "negative record length {len}"
            )));
        }
        let body_start = r.pos();
        let body = r.take(len as usize, "record")?;
        let base = self.pos + body_start;
        let mut b = Reader::new(body);
        let rec_attributes = b.i8("record attributes")?;
        let ts_delta = b.varlong("timestamp delta")?;
        let offset_delta = b.varint("offset delta")?;
        let key = b.varint_bytes_range("record key")?;
        let value = b.varint_bytes_range("record value")?;
        let headers_start = b.pos();
        let (timestamp, timestamp_type) =
            if self.log_append_time || rec_attributes as i16 & attr::LOG_APPEND_TIME != 0 {
                (self.max_timestamp, TimestampType::LogAppendTime)
            } else {
                (
                    self.base_timestamp.wrapping_add(ts_delta),
                    TimestampType::CreateTime,
                )
            };
        self.pos = base + body.len();
        Ok(RecordSpan {
            offset: self.base_offset.wrapping_add(offset_delta as i64),
            timestamp,
            timestamp_type,
            key: key.map(|k| base + k.start..base + k.end),
            value: value.map(|v| base + v.start..base + v.end),
            headers: base + headers_start..base + body.len(),
        })
    }
}

impl Iterator for V2Records {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        let span = self.next_span()?;
        Some(span.map(|s| self.record_of(s)))
    }
}
