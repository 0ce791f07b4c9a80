//! Sending batches: they are encoded into record batches (compressed as
//! their topic says) and go to their broker in Produce requests, one per
//! (acks, timeout) pair and at most one batch per partition in each; the
//! statistics count what was sent.

use super::{key_of, Batch, PartKey, Pid, ProducerLoop};
use crate::engine::broker::OutRequest;
use crate::engine::core::{guarded, rethrow, Core};
use crate::engine::producer::{mono_us, Codec};
use crate::objects::types::*;
use crate::error::KafkaError;
use crate::protocol::{self, BatchOptions, Compression, ProducePartition, ProduceTopic, RecordBatchBuilder};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Highest Produce version this client speaks (topic names, not ids).
const PRODUCE_MAX_VERSION: i16 = 12;

fn compression_of(c: Codec) -> Compression {
    match c {
        Codec::None => Compression::None,
        Codec::Gzip => Compression::Gzip,
        Codec::Snappy => Compression::Snappy,
        Codec::Lz4 => Compression::Lz4,
        Codec::Zstd => Compression::Zstd,
    }
}

impl Core {
    /// Encodes the batches and sends them to a broker in one Produce request.
    pub(super) fn send_produce(&mut self, pl: &mut ProducerLoop, slot: usize, batches: Vec<Batch>, pid: i64, epoch: i16) {
        // Requests go per acks/timeout: every topic of one request shares
        // them; group by (acks, timeout).
        let mut groups: HashMap<(i16, u128), Vec<Batch>> = HashMap::new();
        for b in batches {
            let s = &b.topic.settings;
            groups.entry((s.acks, s.request_timeout.as_millis())).or_default().push(b);
        }
        // A Produce request carries at most one record batch per partition
        // (Kafka keeps only the last entry of a partition that appears
        // twice): the n-th batch of each partition goes in the n-th
        // request, and the requests go out in that order.
        let mut requests: Vec<((i16, u128), Vec<Batch>)> = Vec::with_capacity(groups.len());
        for (key, batches) in groups {
            let mut rounds: Vec<Vec<Batch>> = Vec::new();
            let mut seen: HashMap<PartKey, usize> = HashMap::new();
            for b in batches {
                let n = seen.entry(key_of(&b.topic, b.partition)).or_insert(0);
                if rounds.len() <= *n {
                    rounds.push(Vec::new());
                }
                rounds[*n].push(b);
                *n += 1;
            }
            requests.extend(rounds.into_iter().map(|r| (key, r)));
        }
        for ((acks, timeout_ms), batches) in requests {
            let mut encoded: Vec<(String, i32, bytes::Bytes)> = Vec::with_capacity(batches.len());
            let mut ok_batches = Vec::with_capacity(batches.len());
            for b in batches {
                let s = &b.topic.settings;
                let mut builder = RecordBatchBuilder::with_capacity(
                    BatchOptions {
                        compression: compression_of(s.codec),
                        compression_level: s.compression_level,
                        producer_id: pid,
                        producer_epoch: epoch,
                        base_sequence: b.base_seq,
                        skip_useless_compression: true,
                        ..Default::default()
                    },
                    b.bytes + 16 * b.msgs.len() + 64,
                );
                for (i, m) in b.msgs.iter().enumerate() {
                    if let Some(ahead) = b.msgs.get(i + 4) {
                        ahead.prefetch_with_data();
                    }
                    match m.headers() {
                        Some(h) => builder.append(m.timestamp, m.key_view(), m.payload_view(), h.iter()),
                        None => builder.append(m.timestamp, m.key_view(), m.payload_view(), std::iter::empty()),
                    };
                }
                match builder.finish() {
                    Ok(bytes) => {
                        pl.shared.tx_msgs.fetch_add(b.msgs.len() as u64, Ordering::Relaxed);
                        pl.shared.tx_msg_bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                        let ts = pl.stats.entry(b.topic.name.clone()).or_default();
                        ts.batchsize.add(bytes.len() as i64);
                        ts.batchcnt.add(b.msgs.len() as i64);
                        let e = ts.parts.entry(b.partition).or_default();
                        e.0 += b.msgs.len() as u64;
                        e.1 += bytes.len() as u64;
                        if let Some(first) = b.msgs.first().filter(|m| m.enq_us >= 0) {
                            self.brokers[slot].stats.int_latency.add((mono_us() - first.enq_us).max(0));
                        }
                        if self.inst.debug_enabled("msg") {
                            let msg = format!(
                                "{}: {} [{}]: Produce MessageSet with {} message(s) ({} bytes, acks {}, BaseSeq {})",
                                self.brokers[slot].name, b.topic.name, b.partition, b.msgs.len(), bytes.len(), acks, b.base_seq
                            );
                            self.inst.debug(crate::engine::instance::debug_bit("msg"), "msg", "PRODUCE", &msg);
                        }
                        encoded.push((b.topic.name.clone(), b.partition, bytes));
                        ok_batches.push(b);
                    }
                    Err(e) => {
                        let key = key_of(&b.topic, b.partition);
                        let mut gap = false;
                        if let Some(a) = pl.active.get_mut(&key) {
                            if b.base_seq >= 0 {
                                // Never sent: its numbers go back unless a
                                // later batch has them already (then a new
                                // epoch closes the gap).
                                a.seq.failed(b.base_seq);
                                gap = !a.seq.unassign(b.base_seq, b.msgs.len() as i32);
                            } else {
                                a.inflight -= 1;
                            }
                        }
                        if gap {
                            if let Pid::Assigned { id, epoch } = pl.pid {
                                pl.pid = Pid::Bump { id, epoch };
                            }
                        }
                        let msg = format!("Failed to encode the record batch: {e}");
                        self.report(pl, b.msgs, e.rd_kafka_code(), Some(&msg), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
                    }
                }
            }
            if ok_batches.is_empty() {
                continue;
            }
            let timeout = Duration::from_millis(timeout_ms as u64);
            let txn: Option<String> = pl.shared.cfg.transactional_id.clone();
            let broker_id = self.brokers[slot].id;
            let enc = encoded.clone();
            let encode = move |v: i16, corr: i32, cid: &str| -> Result<Vec<bytes::Bytes>, crate::engine::wire::WireError> {
                let mut topics: Vec<ProduceTopic<'_>> = Vec::new();
                for (name, p, bytes) in &enc {
                    let part = ProducePartition { partition: *p, records: Some(bytes.clone()) };
                    match topics.iter_mut().find(|t| t.name == name.as_str()) {
                        Some(t) => t.partitions.push(part),
                        None => topics.push(ProduceTopic { name, topic_id: [0; 16], partitions: vec![part] }),
                    }
                }
                let req = protocol::encode_produce_request(v, corr, Some(cid), txn.as_deref(), acks, timeout_ms as i32, &topics)?;
                Ok(req.chunks().cloned().collect())
            };
            let handler = move |core: &mut Core, r: Result<crate::engine::broker::Response, KafkaError>| {
                let Some(mut pl) = core.producer.take() else { return };
                let res = guarded(|| core.on_produce_response(&mut pl, broker_id, ok_batches, acks, r));
                core.producer = Some(pl);
                rethrow(res);
            };
            let req = OutRequest {
                api_key: protocol::keys::PRODUCE,
                min_version: 3,
                max_version: PRODUCE_MAX_VERSION,
                encode: Box::new(encode),
                handler: Box::new(handler),
                timeout: timeout + Duration::from_millis(1000),
                enqueued: Instant::now(),
                expect_response: acks != 0,
            };
            self.send_to(slot, req);
        }
    }
}
