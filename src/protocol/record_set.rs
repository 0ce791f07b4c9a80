//! Reading the `records` field of a Fetch response (or of a Produce
//! request, broker side): a sequence of v2 record batches and/or legacy
//! v0/v1 messages, whose last element may be cut short by the broker.

use bytes::Bytes;

use super::compression::Compression;
use super::error::{ProtocolError, Result};
use super::message_set::{LOG_OVERHEAD, LegacyMessage};
use super::record_batch::{BATCH_HEADER_LEN, BatchHeader, Record, RecordBatch, V2Records};

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
        DecodeOptions {
            check_crcs: false,
            max_decompressed: super::frame::DEFAULT_MAX_FRAME_SIZE,
        }
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
            Batch::Legacy(m) => Records::List(
                m.records(opts.max_decompressed, opts.check_crcs)?
                    .into_iter(),
            ),
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
        RecordSetReader {
            data,
            pos: 0,
            opts,
            partial_tail: false,
            done: false,
        }
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
            return Err(ProtocolError::malformed(format!(
                "negative batch length {length} at offset {offset}"
            )));
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
                    return Err(ProtocolError::malformed(format!(
                        "record batch at offset {offset} of {total} bytes is shorter than its header"
                    )));
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
            other => Err(ProtocolError::UnsupportedMagic {
                offset,
                magic: other,
            }),
        }
    }
}

impl Iterator for RecordSetReader {
    type Item = Result<Batch>;
    fn next(&mut self) -> Option<Result<Batch>> {
        self.next_batch().transpose()
    }
}

/// Which transactional batches of a fetched partition belong to aborted
/// transactions (`isolation.level=read_committed`), following the list in
/// the Fetch response and the ABORT markers met while reading, the way
/// librdkafka does:
///
/// - a transactional, non-control batch whose producer has an aborted
///   transaction starting at or before the batch's base offset is skipped
///   whole ([`is_aborted`](Self::is_aborted));
/// - an ABORT control record ends that producer's current aborted
///   transaction ([`on_abort_marker`](Self::on_abort_marker)).
#[derive(Clone, Debug, Default)]
pub struct AbortedTransactions {
    /// producer id -> (ascending start offsets, index of the current one).
    by_producer: std::collections::HashMap<i64, (Vec<i64>, usize)>,
}

impl AbortedTransactions {
    /// Build from a partition's `aborted_transactions`.
    pub fn new(list: &[super::fetch::AbortedTransaction]) -> Self {
        let mut by_producer: std::collections::HashMap<i64, (Vec<i64>, usize)> = Default::default();
        for a in list {
            by_producer
                .entry(a.producer_id)
                .or_default()
                .0
                .push(a.first_offset);
        }
        for (offsets, _) in by_producer.values_mut() {
            offsets.sort_unstable();
        }
        AbortedTransactions { by_producer }
    }

    /// True if there is nothing to filter.
    pub fn is_empty(&self) -> bool {
        self.by_producer.is_empty()
    }

    fn current(&self, producer_id: i64) -> Option<i64> {
        let (offsets, idx) = self.by_producer.get(&producer_id)?;
        offsets.get(*idx).copied()
    }

    /// Whether this batch's records must be dropped as part of an aborted
    /// transaction.
    pub fn is_aborted(&self, batch: &Batch) -> bool {
        if !batch.is_transactional() || batch.is_control() {
            return false;
        }
        matches!(self.current(batch.producer_id()), Some(start) if batch.base_offset() >= start)
    }

    /// Record an ABORT marker of `producer_id` at `offset`: the producer's
    /// current aborted transaction (if it started at or before `offset`)
    /// is over. Returns its start offset, or None if the marker closes an
    /// aborted transaction that was not listed (an empty one).
    pub fn on_abort_marker(&mut self, producer_id: i64, offset: i64) -> Option<i64> {
        let (offsets, idx) = self.by_producer.get_mut(&producer_id)?;
        let start = *offsets.get(*idx)?;
        if start > offset {
            return None;
        }
        *idx += 1;
        Some(start)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fetch::AbortedTransaction;
    use super::super::record_batch::{BatchOptions, ControlRecordType, RecordBatchBuilder};
    use super::*;

    fn batch(
        pid: i64,
        base: i64,
        n: usize,
        transactional: bool,
        control: Option<ControlRecordType>,
    ) -> Bytes {
        let mut b = RecordBatchBuilder::new(BatchOptions {
            producer_id: pid,
            producer_epoch: 0,
            base_sequence: 0,
            transactional,
            control: control.is_some(),
            base_offset: base,
            ..Default::default()
        });
        for _ in 0..n {
            match control {
                Some(c) => {
                    b.append_control(0, c, 0);
                }
                None => {
                    b.append(0, None, Some(b"v"), []);
                }
            }
        }
        b.finish().unwrap()
    }

    #[test]
    fn read_committed_filtering() {
        // pid 7: aborted txn at 10-11 (marker 12), committed txn at 13-14
        // (marker 15), aborted txn at 16 (marker 17). pid 8: plain
        // transactional batch at 18 (not aborted). pid 9: non-transactional.
        let data = [
            batch(7, 10, 2, true, None),
            batch(7, 12, 1, true, Some(ControlRecordType::Abort)),
            batch(7, 13, 2, true, None),
            batch(7, 15, 1, true, Some(ControlRecordType::Commit)),
            batch(7, 16, 1, true, None),
            batch(7, 17, 1, true, Some(ControlRecordType::Abort)),
            batch(8, 18, 1, true, None),
            batch(9, 19, 1, false, None),
        ]
        .concat();
        let mut aborted = AbortedTransactions::new(&[
            AbortedTransaction {
                producer_id: 7,
                first_offset: 16,
            },
            AbortedTransaction {
                producer_id: 7,
                first_offset: 10,
            },
        ]);
        let mut delivered = Vec::new();
        let opts = DecodeOptions {
            check_crcs: true,
            ..Default::default()
        };
        for b in RecordSetReader::new(Bytes::from(data), opts) {
            let b = b.unwrap();
            if b.is_control() {
                for r in b.records(&opts).unwrap() {
                    let r = r.unwrap();
                    if r.control_type().unwrap() == Some(ControlRecordType::Abort) {
                        aborted.on_abort_marker(b.producer_id(), r.offset);
                    }
                }
                continue;
            }
            if aborted.is_aborted(&b) {
                continue;
            }
            delivered.extend(b.records(&opts).unwrap().map(|r| r.unwrap().offset));
        }
        assert_eq!(delivered, vec![13, 14, 18, 19]);
        // An abort marker for an unlisted (empty) transaction pops nothing.
        let mut a = AbortedTransactions::new(&[AbortedTransaction {
            producer_id: 1,
            first_offset: 100,
        }]);
        assert_eq!(a.on_abort_marker(1, 50), None);
        assert_eq!(a.on_abort_marker(1, 150), Some(100));
        assert_eq!(a.on_abort_marker(1, 200), None);
        assert_eq!(a.on_abort_marker(2, 200), None);
    }
}
