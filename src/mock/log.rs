//! A partition's log: the record batches written to it (as received, with
//! their base offset and leader epoch rewritten), start and end offsets,
//! per-producer sequence state for idempotence, and aborted transactions.

use std::collections::{HashMap, VecDeque};

use bytes::{Bytes, BytesMut};

use super::errors as e;
use crate::protocol::{
    BatchHeader, BatchOptions, ControlRecordType, DecodeOptions, LegacyMessage, RecordBatchBuilder,
    RecordSetReader,
};

/// Default bound on the bytes kept per partition: the oldest batches are
/// dropped (and the log start offset advances) beyond it. librdkafka's mock
/// cluster keeps 5 MiB per partition; so does ours, so that a long-running
/// mock (a soak, a test suite) levels off instead of holding every message
/// produced to it (64 MiB per partition had let a 300 s soak at 5,000 msg/s
/// grow by 700 KB/s without reaching the bound).
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Default bound on the number of batches kept per partition (librdkafka's
/// mock: 100,000 message sets).
pub const DEFAULT_MAX_BATCHES: usize = 100_000;

/// Memory a stored batch takes besides its bytes (its entry in the log and
/// the allocations' headers), counted against the byte bound: with small
/// batches (a few messages each) that is a fifth of the memory, and a log
/// that counted only the bytes would hold more or less memory depending on
/// how the producer happened to batch.
const BATCH_OVERHEAD: usize = std::mem::size_of::<StoredBatch>() + 48;

/// How many recent batches per producer are remembered to recognise
/// retried duplicates (as Kafka does).
const PRODUCER_WINDOW: usize = 5;

/// One stored batch (a v2 record batch or a legacy message set).
#[derive(Clone, Debug)]
pub struct StoredBatch {
    pub first_offset: i64,
    pub last_offset: i64,
    pub leader_epoch: i32,
    pub max_timestamp: i64,
    pub producer_id: i64,
    pub transactional: bool,
    pub control: bool,
    pub bytes: Bytes,
}

/// A batch recently written by an idempotent producer.
#[derive(Clone, Copy, Debug)]
struct SeqEntry {
    first_seq: i32,
    last_seq: i32,
    first_offset: i64,
}

/// Per-producer state of a partition.
#[derive(Clone, Debug)]
struct ProducerState {
    epoch: i16,
    recent: VecDeque<SeqEntry>,
}

/// An aborted transaction on this partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AbortedTxn {
    pub producer_id: i64,
    pub first_offset: i64,
    pub last_offset: i64,
}

/// What a successful append returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Appended {
    pub base_offset: i64,
    /// The batch was a retry of one already written: nothing was appended.
    pub duplicate: bool,
    pub transactional: bool,
    pub producer_id: i64,
    pub producer_epoch: i16,
}

/// The log of one partition.
#[derive(Debug)]
pub struct PartitionLog {
    pub batches: VecDeque<StoredBatch>,
    pub start_offset: i64,
    pub end_offset: i64,
    pub size: usize,
    pub max_bytes: usize,
    pub max_batches: usize,
    producers: HashMap<i64, ProducerState>,
    pub aborted: Vec<AbortedTxn>,
}

impl Default for PartitionLog {
    fn default() -> Self {
        PartitionLog::new(DEFAULT_MAX_BYTES, DEFAULT_MAX_BATCHES)
    }
}

fn next_seq(seq: i32, n: i32) -> i32 {
    // Sequences wrap from i32::MAX to 0.
    ((seq as i64 + n as i64) % (i32::MAX as i64 + 1)) as i32
}

impl PartitionLog {
    pub fn new(max_bytes: usize, max_batches: usize) -> Self {
        PartitionLog {
            batches: VecDeque::new(),
            start_offset: 0,
            end_offset: 0,
            size: 0,
            max_bytes,
            max_batches,
            producers: HashMap::new(),
            aborted: Vec::new(),
        }
    }

    /// Append the record data of one partition of a Produce request.
    /// `transactional_id` is the request's. Returns the Kafka error code on
    /// failure.
    pub fn append(
        &mut self,
        records: &Bytes,
        leader_epoch: i32,
        now_ms: i64,
    ) -> Result<Appended, i16> {
        if records.len() < 17 {
            return Err(e::CORRUPT_MESSAGE);
        }
        let magic = records[16] as i8;
        if magic < 2 {
            return self.append_legacy(records, leader_epoch, now_ms);
        }
        if magic != 2 {
            return Err(e::CORRUPT_MESSAGE);
        }
        // One v2 batch per partition, as Kafka requires.
        let hdr = BatchHeader::parse(records).map_err(|_| e::CORRUPT_MESSAGE)?;
        if hdr.batch_length as usize + 12 != records.len() || hdr.record_count < 1 {
            return Err(e::INVALID_RECORD);
        }
        if hdr.is_control() {
            return Err(e::INVALID_RECORD);
        }
        let count = hdr.record_count;
        if hdr.last_offset_delta != count - 1 {
            return Err(e::INVALID_RECORD);
        }
        let pid = hdr.producer_id;
        if pid >= 0 {
            let first_seq = hdr.base_sequence;
            let last_seq = next_seq(first_seq, count - 1);
            match self.producers.get_mut(&pid) {
                None => {
                    if first_seq != 0 {
                        return Err(e::OUT_OF_ORDER_SEQUENCE_NUMBER);
                    }
                }
                Some(st) => {
                    if hdr.producer_epoch < st.epoch {
                        return Err(e::INVALID_PRODUCER_EPOCH);
                    }
                    if hdr.producer_epoch > st.epoch {
                        if first_seq != 0 {
                            return Err(e::OUT_OF_ORDER_SEQUENCE_NUMBER);
                        }
                    } else {
                        if let Some(dup) = st
                            .recent
                            .iter()
                            .find(|s| s.first_seq == first_seq && s.last_seq == last_seq)
                        {
                            return Ok(Appended {
                                base_offset: dup.first_offset,
                                duplicate: true,
                                transactional: hdr.is_transactional(),
                                producer_id: pid,
                                producer_epoch: hdr.producer_epoch,
                            });
                        }
                        let last = st.recent.back().map_or(-1, |s| s.last_seq);
                        if first_seq != next_seq(last, 1) {
                            let oldest = st.recent.front().map_or(0, |s| s.first_seq);
                            return Err(if first_seq < oldest {
                                e::DUPLICATE_SEQUENCE_NUMBER
                            } else {
                                e::OUT_OF_ORDER_SEQUENCE_NUMBER
                            });
                        }
                    }
                }
            }
        }
        let first_offset = self.end_offset;
        let max_ts = if hdr.timestamp_type() == crate::protocol::TimestampType::LogAppendTime {
            now_ms
        } else {
            hdr.max_timestamp
        };
        let bytes = rewrite_v2(records, first_offset, leader_epoch);
        self.push(StoredBatch {
            first_offset,
            last_offset: first_offset + count as i64 - 1,
            leader_epoch,
            max_timestamp: max_ts,
            producer_id: pid,
            transactional: hdr.is_transactional(),
            control: false,
            bytes,
        });
        if pid >= 0 {
            let st = self.producers.entry(pid).or_insert(ProducerState {
                epoch: hdr.producer_epoch,
                recent: VecDeque::new(),
            });
            if hdr.producer_epoch != st.epoch {
                st.epoch = hdr.producer_epoch;
                st.recent.clear();
            }
            st.recent.push_back(SeqEntry {
                first_seq: hdr.base_sequence,
                last_seq: next_seq(hdr.base_sequence, count - 1),
                first_offset,
            });
            while st.recent.len() > PRODUCER_WINDOW {
                st.recent.pop_front();
            }
        }
        Ok(Appended {
            base_offset: first_offset,
            duplicate: false,
            transactional: hdr.is_transactional(),
            producer_id: pid,
            producer_epoch: hdr.producer_epoch,
        })
    }

    /// Legacy (magic 0/1) uncompressed message sets: every message gets
    /// its absolute offset. Compressed ones are refused, as by
    /// librdkafka's mock.
    fn append_legacy(
        &mut self,
        records: &Bytes,
        leader_epoch: i32,
        _now_ms: i64,
    ) -> Result<Appended, i16> {
        let mut positions = Vec::new();
        let mut pos = 0usize;
        let mut max_ts = -1i64;
        while pos < records.len() {
            if records.len() - pos < 12 {
                return Err(e::CORRUPT_MESSAGE);
            }
            let size = i32::from_be_bytes(records[pos + 8..pos + 12].try_into().unwrap()) as usize;
            if size < 14 || pos + 12 + size > records.len() {
                return Err(e::CORRUPT_MESSAGE);
            }
            let msg = LegacyMessage::parse(records.slice(pos..pos + 12 + size))
                .map_err(|_| e::CORRUPT_MESSAGE)?;
            if msg.attributes & 0x07 != 0 {
                return Err(e::UNSUPPORTED_FOR_MESSAGE_FORMAT);
            }
            max_ts = max_ts.max(msg.timestamp);
            positions.push(pos);
            pos += 12 + size;
        }
        if positions.is_empty() {
            return Err(e::CORRUPT_MESSAGE);
        }
        let first_offset = self.end_offset;
        let mut buf = BytesMut::from(&records[..]);
        for (i, p) in positions.iter().enumerate() {
            buf[*p..*p + 8].copy_from_slice(&(first_offset + i as i64).to_be_bytes());
        }
        self.push(StoredBatch {
            first_offset,
            last_offset: first_offset + positions.len() as i64 - 1,
            leader_epoch,
            max_timestamp: max_ts,
            producer_id: -1,
            transactional: false,
            control: false,
            bytes: buf.freeze(),
        });
        Ok(Appended {
            base_offset: first_offset,
            duplicate: false,
            transactional: false,
            producer_id: -1,
            producer_epoch: -1,
        })
    }

    fn push(&mut self, b: StoredBatch) {
        self.end_offset = b.last_offset + 1;
        self.size += b.bytes.len();
        self.batches.push_back(b);
        while self.batches.len() > 1
            && (self.batches.len() > self.max_batches
                || self.size + self.batches.len() * BATCH_OVERHEAD > self.max_bytes)
        {
            self.drop_first();
        }
    }

    fn drop_first(&mut self) {
        if let Some(b) = self.batches.pop_front() {
            self.size -= b.bytes.len();
            self.start_offset = self
                .batches
                .front()
                .map_or(self.end_offset, |n| n.first_offset);
            let start = self.start_offset;
            self.aborted.retain(|a| a.last_offset >= start);
        }
    }

    /// Write a transaction marker (COMMIT or ABORT control batch) for a
    /// producer; returns its offset.
    pub fn write_marker(
        &mut self,
        producer_id: i64,
        producer_epoch: i16,
        commit: bool,
        leader_epoch: i32,
        now_ms: i64,
    ) -> i64 {
        let mut b = RecordBatchBuilder::new(BatchOptions {
            producer_id,
            producer_epoch,
            base_sequence: -1,
            transactional: true,
            control: true,
            ..Default::default()
        });
        b.append_control(
            now_ms,
            if commit {
                ControlRecordType::Commit
            } else {
                ControlRecordType::Abort
            },
            0,
        );
        let raw = b.finish().expect("a control batch has one record");
        let offset = self.end_offset;
        let bytes = rewrite_v2(&raw, offset, leader_epoch);
        self.push(StoredBatch {
            first_offset: offset,
            last_offset: offset,
            leader_epoch,
            max_timestamp: now_ms,
            producer_id,
            transactional: true,
            control: true,
            bytes,
        });
        offset
    }

    /// Remove batches entirely before `offset` and move the start offset
    /// there.
    pub fn delete_before(&mut self, offset: i64) -> Result<(), i16> {
        if offset > self.end_offset {
            return Err(e::OFFSET_OUT_OF_RANGE);
        }
        if offset <= self.start_offset {
            return Ok(());
        }
        while self.batches.front().is_some_and(|b| b.last_offset < offset) {
            let b = self.batches.pop_front().unwrap();
            self.size -= b.bytes.len();
        }
        self.start_offset = offset;
        self.aborted.retain(|a| a.last_offset >= offset);
        Ok(())
    }

    /// Index of the batch containing `offset`, or of the first batch after
    /// it (for offsets in gaps, e.g. inside deleted or compacted ranges).
    pub fn find(&self, offset: i64) -> Option<usize> {
        if self.batches.is_empty() {
            return None;
        }
        let idx = self.batches.partition_point(|b| b.last_offset < offset);
        (idx < self.batches.len()).then_some(idx)
    }

    /// The leader epoch of the batch holding `offset`.
    pub fn epoch_of(&self, offset: i64) -> Option<i32> {
        let i = self.find(offset)?;
        let b = &self.batches[i];
        (b.first_offset <= offset).then_some(b.leader_epoch)
    }

    /// End offset of the last batch written in `epoch` (for
    /// OffsetForLeaderEpoch), or -1.
    pub fn end_offset_for_epoch(&self, epoch: i32) -> i64 {
        if epoch < 0 {
            return -1;
        }
        self.batches
            .iter()
            .rev()
            .find(|b| b.leader_epoch <= epoch)
            .map_or(-1, |b| {
                if b.leader_epoch == epoch {
                    b.last_offset + 1
                } else {
                    // The epoch had no data: it ends where the next one starts.
                    self.batches
                        .iter()
                        .find(|n| n.leader_epoch > epoch)
                        .map_or(self.end_offset, |n| n.first_offset)
                }
            })
    }

    /// The first offset whose timestamp is at or after `ts`, with that
    /// timestamp (ListOffsets by time); None if there is none.
    pub fn offset_for_timestamp(&self, ts: i64) -> Option<(i64, i64)> {
        for b in &self.batches {
            if b.max_timestamp < ts || b.control {
                continue;
            }
            let mut rd = RecordSetReader::new(b.bytes.clone(), DecodeOptions::default());
            while let Ok(Some(batch)) = rd.next_batch() {
                if let Ok(recs) = batch.records(rd.options()) {
                    for r in recs.flatten() {
                        if r.timestamp >= ts {
                            return Some((r.offset, r.timestamp));
                        }
                    }
                }
            }
        }
        None
    }

    /// Offset and timestamp of the record with the highest timestamp.
    pub fn max_timestamp_offset(&self) -> Option<(i64, i64)> {
        let b = self
            .batches
            .iter()
            .filter(|b| !b.control)
            .max_by_key(|b| (b.max_timestamp, std::cmp::Reverse(b.first_offset)))?;
        let mut rd = RecordSetReader::new(b.bytes.clone(), DecodeOptions::default());
        let mut best: Option<(i64, i64)> = None;
        while let Ok(Some(batch)) = rd.next_batch() {
            if let Ok(recs) = batch.records(rd.options()) {
                for r in recs.flatten() {
                    if best.is_none_or(|(_, t)| r.timestamp > t) {
                        best = Some((r.offset, r.timestamp));
                    }
                }
            }
        }
        best.or(Some((b.last_offset, b.max_timestamp)))
    }

    /// The epoch last seen from a producer on this partition.
    pub fn producer_epoch(&self, pid: i64) -> Option<i16> {
        self.producers.get(&pid).map(|s| s.epoch)
    }
}

/// Copy a v2 batch with its base offset and partition leader epoch set
/// (neither is covered by the CRC).
fn rewrite_v2(raw: &Bytes, base_offset: i64, leader_epoch: i32) -> Bytes {
    let mut buf = BytesMut::from(&raw[..]);
    buf[0..8].copy_from_slice(&base_offset.to_be_bytes());
    buf[12..16].copy_from_slice(&leader_epoch.to_be_bytes());
    buf.freeze()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{RecordBatch, TimestampType};

    fn batch(pid: i64, epoch: i16, seq: i32, n: usize, ts: i64) -> Bytes {
        let mut b = RecordBatchBuilder::new(BatchOptions {
            producer_id: pid,
            producer_epoch: epoch,
            base_sequence: seq,
            ..Default::default()
        });
        for i in 0..n {
            b.append(ts + i as i64, Some(b"k"), Some(b"v"), []);
        }
        b.finish().unwrap()
    }

    #[test]
    fn offsets_are_assigned_and_rewritten() {
        let mut log = PartitionLog::default();
        assert_eq!(
            log.append(&batch(-1, -1, -1, 3, 100), 7, 0)
                .unwrap()
                .base_offset,
            0
        );
        assert_eq!(
            log.append(&batch(-1, -1, -1, 2, 200), 7, 0)
                .unwrap()
                .base_offset,
            3
        );
        assert_eq!((log.start_offset, log.end_offset), (0, 5));
        let b = RecordBatch::parse(log.batches[1].bytes.clone()).unwrap();
        assert_eq!(b.header.base_offset, 3);
        assert_eq!(b.header.partition_leader_epoch, 7);
        b.verify_crc().unwrap();
        assert_eq!(b.header.timestamp_type(), TimestampType::CreateTime);
        assert_eq!(log.find(4), Some(1));
        assert_eq!(log.find(5), None);
        assert_eq!(log.offset_for_timestamp(201), Some((4, 201)));
        assert_eq!(log.offset_for_timestamp(150), Some((3, 200)));
        assert_eq!(log.offset_for_timestamp(1000), None);
        assert_eq!(log.max_timestamp_offset(), Some((4, 201)));
    }

    #[test]
    fn idempotent_sequences() {
        let mut log = PartitionLog::default();
        // A new producer must start at sequence 0.
        assert_eq!(
            log.append(&batch(5, 0, 3, 1, 0), 0, 0),
            Err(e::OUT_OF_ORDER_SEQUENCE_NUMBER)
        );
        assert_eq!(
            log.append(&batch(5, 0, 0, 2, 0), 0, 0).unwrap().base_offset,
            0
        );
        assert_eq!(
            log.append(&batch(5, 0, 2, 2, 0), 0, 0).unwrap().base_offset,
            2
        );
        // A retry of a recent batch is acknowledged with its first offset.
        let dup = log.append(&batch(5, 0, 0, 2, 0), 0, 0).unwrap();
        assert!(dup.duplicate);
        assert_eq!(dup.base_offset, 0);
        assert_eq!(log.end_offset, 4);
        // A gap is out of order.
        assert_eq!(
            log.append(&batch(5, 0, 9, 1, 0), 0, 0),
            Err(e::OUT_OF_ORDER_SEQUENCE_NUMBER)
        );
        // An older epoch is fenced; a newer one restarts at 0.
        assert_eq!(
            log.append(&batch(5, 1, 4, 1, 0), 0, 0),
            Err(e::OUT_OF_ORDER_SEQUENCE_NUMBER)
        );
        assert_eq!(
            log.append(&batch(5, 1, 0, 1, 0), 0, 0).unwrap().base_offset,
            4
        );
        assert_eq!(
            log.append(&batch(5, 0, 4, 1, 0), 0, 0),
            Err(e::INVALID_PRODUCER_EPOCH)
        );
        // Batches older than the remembered window are duplicates.
        for i in 1..7 {
            log.append(&batch(5, 1, i, 1, 0), 0, 0).unwrap();
        }
        assert_eq!(
            log.append(&batch(5, 1, 0, 1, 0), 0, 0),
            Err(e::DUPLICATE_SEQUENCE_NUMBER)
        );
    }

    #[test]
    fn bounded_by_size_and_delete_records() {
        let one = batch(-1, -1, -1, 1, 0);
        let mut log = PartitionLog::new((one.len() + BATCH_OVERHEAD) * 3, 100);
        for _ in 0..10 {
            log.append(&one, 0, 0).unwrap();
        }
        assert_eq!(log.batches.len(), 3);
        assert_eq!((log.start_offset, log.end_offset), (7, 10));
        log.delete_before(9).unwrap();
        assert_eq!(log.start_offset, 9);
        assert_eq!(log.batches.len(), 1);
        assert_eq!(log.delete_before(11), Err(e::OFFSET_OUT_OF_RANGE));
        log.delete_before(10).unwrap();
        assert!(log.batches.is_empty());
        assert_eq!(log.start_offset, 10);
    }

    #[test]
    fn default_bounds_hold_a_long_run() {
        // Twice the byte bound written in ~1.1 KiB batches.
        let big = {
            let mut b = RecordBatchBuilder::new(BatchOptions::default());
            b.append(0, Some(b"k"), Some(&[7u8; 1024][..]), []);
            b.finish().unwrap()
        };
        let mut log = PartitionLog::default();
        let n = 2 * DEFAULT_MAX_BYTES / big.len();
        for _ in 0..n {
            log.append(&big, 0, 0).unwrap();
            assert!(log.size <= DEFAULT_MAX_BYTES);
        }
        assert_eq!(log.size, log.batches.len() * big.len());
        assert_eq!(
            log.batches.len(),
            DEFAULT_MAX_BYTES / (big.len() + BATCH_OVERHEAD)
        );
        assert_eq!(log.end_offset, n as i64);
        assert_eq!(log.start_offset, log.batches[0].first_offset);
        assert!(log.start_offset > 0);
        // Tiny batches: the batch count bounds the log too.
        let tiny = batch(-1, -1, -1, 1, 0);
        let mut log = PartitionLog::new(usize::MAX, 1000);
        for _ in 0..1010 {
            log.append(&tiny, 0, 0).unwrap();
        }
        assert_eq!(log.batches.len(), 1000);
        assert_eq!(log.start_offset, 10);
    }

    #[test]
    fn markers_are_control_batches() {
        let mut log = PartitionLog::default();
        log.append(&batch(-1, -1, -1, 1, 0), 2, 0).unwrap();
        assert_eq!(log.write_marker(77, 3, false, 2, 5), 1);
        let b = RecordBatch::parse(log.batches[1].bytes.clone()).unwrap();
        assert!(b.header.is_control() && b.header.is_transactional());
        assert_eq!((b.header.producer_id, b.header.producer_epoch), (77, 3));
        b.verify_crc().unwrap();
        let r = b.records(1 << 20).unwrap().next().unwrap().unwrap();
        assert_eq!(r.control_type().unwrap(), Some(ControlRecordType::Abort));
        assert_eq!(log.end_offset_for_epoch(2), 2);
        assert_eq!(log.end_offset_for_epoch(1), -1);
    }
}
