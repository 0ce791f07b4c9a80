//! Legacy message sets (message format v0 and v1, magic bytes 0 and 1).
//!
//! A message set is a sequence of
//!
//! ```text
//! offset:int64  messageSize:int32  crc:uint32  magic:int8  attributes:int8
//! [timestamp:int64]  (v1 only)
//! key:bytes(int32 length, -1 = null)  value:bytes(int32 length)
//! ```
//!
//! where the CRC-32 (IEEE) covers everything from `magic` to the end of the
//! message. A compressed message set is one "wrapper" message whose value is
//! a compressed inner message set (and the wrapper's offset is that of the
//! last inner message). In v1 the inner offsets are relative (0, 1, ...),
//! in v0 they are absolute; when the wrapper has the LogAppendTime attribute,
//! its timestamp applies to every inner message.

use bytes::{BufMut, Bytes};

use super::compression::{self, Compression};
use super::error::{ProtocolError, Result};
use super::record_batch::{Record, RecordHeaders, TimestampType, attr};
use super::wire::Reader;

/// offset + messageSize.
pub const LOG_OVERHEAD: usize = 12;
/// crc + magic + attributes + key length + value length.
pub const MESSAGE_V0_MIN: usize = 4 + 1 + 1 + 4 + 4;
/// ... plus the v1 timestamp.
pub const MESSAGE_V1_MIN: usize = MESSAGE_V0_MIN + 8;

/// How deeply compressed message sets may nest (Kafka only ever uses one
/// level; this bounds recursion on hostile input).
const MAX_NESTING: usize = 4;

/// One legacy message as cut from a message set (not yet decompressed).
#[derive(Clone, Debug)]
pub struct LegacyMessage {
    /// Offset (for a compressed wrapper: the offset of its last message).
    pub offset: i64,
    /// Stored CRC-32.
    pub crc: u32,
    /// Magic byte (0 or 1).
    pub magic: i8,
    /// Attributes (codec in the low three bits, v1: LogAppendTime bit 3).
    pub attributes: i8,
    /// Timestamp (v1), -1 for v0.
    pub timestamp: i64,
    /// Key.
    pub key: Option<Bytes>,
    /// Value (for a compressed wrapper: the compressed inner set).
    pub value: Option<Bytes>,
    /// The whole message including offset and size.
    pub raw: Bytes,
}

impl LegacyMessage {
    /// Parse the message occupying `raw` (offset and size included).
    pub fn parse(raw: Bytes) -> Result<LegacyMessage> {
        let mut r = Reader::new(&raw);
        let offset = r.i64("message offset")?;
        let size = r.i32("message size")?;
        if size < MESSAGE_V0_MIN as i32 {
            return Err(ProtocolError::malformed(format!(
                "message at offset {offset} has size {size}"
            )));
        }
        let end = LOG_OVERHEAD + size as usize;
        if raw.len() < end {
            return Err(ProtocolError::truncated("message"));
        }
        let raw = raw.slice(..end);
        let mut r = Reader::new(&raw[..end]);
        r.skip(LOG_OVERHEAD, "message")?;
        let crc = r.u32("message crc")?;
        let magic = r.i8("magic")?;
        if !(0..=1).contains(&magic) {
            return Err(ProtocolError::UnsupportedMagic { offset, magic });
        }
        let attributes = r.i8("attributes")?;
        let timestamp = if magic == 1 { r.i64("timestamp")? } else { -1 };
        let key = r.bytes_range("message key")?.map(|k| raw.slice(k));
        let value = r.bytes_range("message value")?.map(|v| raw.slice(v));
        if !r.is_empty() {
            return Err(ProtocolError::malformed(format!(
                "{} trailing bytes in message at offset {offset}",
                r.remaining()
            )));
        }
        Ok(LegacyMessage {
            offset,
            crc,
            magic,
            attributes,
            timestamp,
            key,
            value,
            raw,
        })
    }

    /// Codec of a wrapper message (None for a plain message).
    pub fn compression(&self) -> Result<Compression> {
        Compression::from_attributes(self.attributes as i16)
    }

    /// CRC-32 over magic..end.
    pub fn computed_crc(&self) -> u32 {
        crc32fast::hash(&self.raw[LOG_OVERHEAD + 4..])
    }

    /// Check the stored CRC-32.
    pub fn verify_crc(&self) -> Result<()> {
        let computed = self.computed_crc();
        if computed != self.crc {
            return Err(ProtocolError::Checksum {
                offset: self.offset,
                stored: self.crc,
                computed,
            });
        }
        Ok(())
    }

    fn timestamp_and_type(&self) -> (i64, TimestampType) {
        if self.magic == 0 || self.timestamp < 0 {
            (-1, TimestampType::NotAvailable)
        } else if self.attributes as i16 & attr::LOG_APPEND_TIME != 0 {
            (self.timestamp, TimestampType::LogAppendTime)
        } else {
            (self.timestamp, TimestampType::CreateTime)
        }
    }

    /// The records this message stands for: itself if uncompressed, or the
    /// (recursively) decompressed inner messages with absolute offsets.
    pub fn records(&self, max_decompressed: usize, check_crcs: bool) -> Result<Vec<Record>> {
        let mut out = Vec::new();
        let mut budget = max_decompressed;
        self.collect(&mut out, &mut budget, check_crcs, 0)?;
        Ok(out)
    }

    fn collect(
        &self,
        out: &mut Vec<Record>,
        budget: &mut usize,
        check_crcs: bool,
        depth: usize,
    ) -> Result<()> {
        let codec = self.compression()?;
        if codec == Compression::None {
            let (timestamp, timestamp_type) = self.timestamp_and_type();
            out.push(Record {
                offset: self.offset,
                timestamp,
                timestamp_type,
                key: self.key.clone(),
                value: self.value.clone(),
                headers: RecordHeaders::default(),
                leader_epoch: -1,
            });
            return Ok(());
        }
        if depth >= MAX_NESTING {
            return Err(ProtocolError::malformed(
                "compressed message sets nested too deeply",
            ));
        }
        let value = self
            .value
            .as_ref()
            .ok_or_else(|| ProtocolError::malformed("compressed message without a value"))?;
        let inner = compression::decompress(codec, value, *budget)?;
        *budget -= inner.len();
        let inner = Bytes::from(inner);
        let first = out.len();
        let mut pos = 0;
        while pos < inner.len() {
            let rest = inner.slice(pos..);
            if rest.len() < LOG_OVERHEAD {
                break; // trailing partial message: ignored, as on the outside
            }
            let size = i32::from_be_bytes([rest[8], rest[9], rest[10], rest[11]]);
            if size < 0 {
                return Err(ProtocolError::malformed("negative inner message size"));
            }
            if rest.len() < LOG_OVERHEAD + size as usize {
                break;
            }
            let msg = LegacyMessage::parse(rest)?;
            pos += msg.raw.len();
            if check_crcs {
                msg.verify_crc()?;
            }
            msg.collect(out, budget, check_crcs, depth + 1)?;
        }
        let inner_records = &mut out[first..];
        if self.magic == 1 {
            // Relative inner offsets: the wrapper carries the last one's
            // absolute offset.
            if let Some(last) = inner_records.last().map(|r| r.offset) {
                let delta = self.offset.wrapping_sub(last);
                for r in inner_records.iter_mut() {
                    r.offset = r.offset.wrapping_add(delta);
                }
            }
            if self.attributes as i16 & attr::LOG_APPEND_TIME != 0 {
                for r in inner_records.iter_mut() {
                    r.timestamp = self.timestamp;
                    r.timestamp_type = TimestampType::LogAppendTime;
                }
            }
        }
        Ok(())
    }
}

/// Builds a legacy message set (v0 or v1), optionally compressed into one
/// wrapper message. Used for very old brokers (Produce v0-v2) and in tests
/// and the mock broker.
#[derive(Debug)]
pub struct MessageSetBuilder {
    magic: i8,
    compression: Compression,
    level: i32,
    base_offset: i64,
    log_append_time: bool,
    buf: Vec<u8>,
    count: i64,
    max_timestamp: i64,
}

fn put_message(
    buf: &mut Vec<u8>,
    offset: i64,
    magic: i8,
    attributes: i8,
    timestamp: i64,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
) {
    let size = if magic == 1 {
        MESSAGE_V1_MIN
    } else {
        MESSAGE_V0_MIN
    } + key.map_or(0, <[u8]>::len)
        + value.map_or(0, <[u8]>::len);
    buf.put_i64(offset);
    buf.put_i32(size as i32);
    let crc_pos = buf.len();
    buf.put_u32(0);
    buf.put_i8(magic);
    buf.put_i8(attributes);
    if magic == 1 {
        buf.put_i64(timestamp);
    }
    for f in [key, value] {
        match f {
            None => buf.put_i32(-1),
            Some(b) => {
                buf.put_i32(b.len() as i32);
                buf.extend_from_slice(b);
            }
        }
    }
    let crc = crc32fast::hash(&buf[crc_pos + 4..]);
    buf[crc_pos..crc_pos + 4].copy_from_slice(&crc.to_be_bytes());
}

impl MessageSetBuilder {
    /// A builder for magic `magic` (0 or 1). `base_offset` is the offset of
    /// the first message (0 when producing).
    pub fn new(magic: i8, compression: Compression, level: i32, base_offset: i64) -> Result<Self> {
        if !(0..=1).contains(&magic) {
            return Err(ProtocolError::Encode(format!(
                "message set magic must be 0 or 1, not {magic}"
            )));
        }
        Ok(MessageSetBuilder {
            magic,
            compression,
            level,
            base_offset,
            log_append_time: false,
            buf: Vec::new(),
            count: 0,
            max_timestamp: -1,
        })
    }

    /// Mark timestamps as broker-assigned (v1 only; broker side).
    pub fn set_log_append_time(&mut self, on: bool) {
        self.log_append_time = on;
    }

    /// Number of messages appended.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// True if nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Append a message (the timestamp is dropped for v0).
    pub fn append(
        &mut self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
    ) -> Result<()> {
        let over = |b: Option<&[u8]>| b.is_some_and(|b| b.len() > i32::MAX as usize / 2);
        if over(key) || over(value) {
            return Err(ProtocolError::Encode("message too large".into()));
        }
        // Inner offsets of a compressed v1 set are relative.
        let offset = if self.compression != Compression::None && self.magic == 1 {
            self.count
        } else {
            self.base_offset + self.count
        };
        let attributes = if self.log_append_time && self.magic == 1 {
            attr::LOG_APPEND_TIME as i8
        } else {
            0
        };
        put_message(
            &mut self.buf,
            offset,
            self.magic,
            attributes,
            timestamp,
            key,
            value,
        );
        self.count += 1;
        self.max_timestamp = self.max_timestamp.max(timestamp);
        Ok(())
    }

    /// The finished message set.
    pub fn finish(self) -> Result<Bytes> {
        if self.compression == Compression::None || self.count == 0 {
            return Ok(Bytes::from(self.buf));
        }
        let compressed = if self.compression == Compression::Lz4 && self.magic == 0 {
            compression::compress_lz4_legacy(&self.buf)?
        } else {
            compression::compress(self.compression, self.level, &self.buf)?
        };
        let mut attributes = self.compression.id() as i8;
        if self.log_append_time && self.magic == 1 {
            attributes |= attr::LOG_APPEND_TIME as i8;
        }
        let mut out = Vec::with_capacity(compressed.len() + LOG_OVERHEAD + MESSAGE_V1_MIN);
        put_message(
            &mut out,
            self.base_offset + self.count - 1,
            self.magic,
            attributes,
            self.max_timestamp,
            None,
            Some(&compressed),
        );
        Ok(Bytes::from(out))
    }
}
