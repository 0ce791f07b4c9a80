//! Broker-side decoding of Produce requests (versions 0-13), written by hand
//! because kafka-protocol only knows versions 3 and later. The records of
//! each partition stay zero-copy slices of the request frame. Used by the
//! mock cluster and by tests.

use bytes::Bytes;

use super::api::keys;
use super::error::{ProtocolError, Result};
use super::produce::MAX_PRODUCE_VERSION;
use super::wire::Reader;

/// A decoded Produce request body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProduceRequestData {
    /// Transactional id (v3+; None when null or before v3).
    pub transactional_id: Option<String>,
    /// Required acks (-1, 0 or 1).
    pub acks: i16,
    /// Timeout in milliseconds.
    pub timeout_ms: i32,
    /// The topics.
    pub topics: Vec<ProduceRequestTopic>,
}

/// One topic of a decoded Produce request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProduceRequestTopic {
    /// Topic name (v0-12; empty from v13).
    pub name: String,
    /// Topic id (v13+; zero before).
    pub topic_id: [u8; 16],
    /// Partitions with their record data.
    pub partitions: Vec<ProduceRequestPartition>,
}

/// One partition of a decoded Produce request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProduceRequestPartition {
    /// Partition index.
    pub partition: i32,
    /// Record data (None when null), a slice of the request frame.
    pub records: Option<Bytes>,
}

/// Decode a Produce request body (the frame after the request header) of
/// version `api_version` (0-13). `body` should be the frame's `Bytes` so
/// that records are sliced rather than copied.
pub fn decode_produce_request(api_version: i16, body: &Bytes) -> Result<ProduceRequestData> {
    if !(0..=MAX_PRODUCE_VERSION).contains(&api_version) {
        return Err(ProtocolError::UnsupportedVersion {
            api_key: keys::PRODUCE,
            api_version,
        });
    }
    let v = api_version;
    let flex = v >= 9;
    let data: &[u8] = body;
    let mut r = Reader::new(data);
    let mut req = ProduceRequestData::default();
    if v >= 3 {
        req.transactional_id = r.string(flex, "transactional id")?;
    }
    req.acks = r.i16("acks")?;
    req.timeout_ms = r.i32("timeout")?;
    let nt = r.array_len(flex, 2, "produce request topics")?;
    req.topics.reserve(nt);
    for _ in 0..nt {
        let mut t = ProduceRequestTopic::default();
        if v >= 13 {
            t.topic_id = r.uuid("topic id")?;
        } else {
            t.name = r.string(flex, "topic name")?.unwrap_or_default();
        }
        let np = r.array_len(flex, 5, "produce request partitions")?;
        t.partitions.reserve(np);
        for _ in 0..np {
            let partition = r.i32("partition index")?;
            let range = if flex {
                r.compact_bytes_range("records")?
            } else {
                r.bytes_range("records")?
            };
            if flex {
                r.tagged_fields(|_, _| Ok(()))?;
            }
            t.partitions.push(ProduceRequestPartition {
                partition,
                records: range.map(|rg| body.slice(rg)),
            });
        }
        if flex {
            r.tagged_fields(|_, _| Ok(()))?;
        }
        req.topics.push(t);
    }
    if flex {
        r.tagged_fields(|_, _| Ok(()))?;
    }
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{
        BatchOptions, ProducePartition, ProduceTopic, RecordBatchBuilder, decode_request_header,
        encode_produce_request,
    };

    fn batch() -> Bytes {
        let mut b = RecordBatchBuilder::new(BatchOptions::default());
        b.append(1, Some(b"k"), Some(b"v"), []);
        b.finish().unwrap()
    }

    #[test]
    fn round_trip_every_version() {
        for v in 0..=MAX_PRODUCE_VERSION {
            let tid = if v >= 3 { Some("txn") } else { None };
            let topics = [ProduceTopic {
                name: "topic-a",
                topic_id: [7; 16],
                partitions: vec![
                    ProducePartition {
                        partition: 3,
                        records: Some(batch()),
                    },
                    ProducePartition {
                        partition: 5,
                        records: None,
                    },
                ],
            }];
            let req = encode_produce_request(v, 11, Some("cid"), tid, -1, 1234, &topics).unwrap();
            let mut frame = req.to_bytes().slice(4..);
            let hdr = decode_request_header(&mut frame).unwrap();
            assert_eq!(
                (hdr.api_key, hdr.api_version, hdr.correlation_id),
                (0, v, 11)
            );
            let d = decode_produce_request(v, &frame).unwrap();
            assert_eq!(d.transactional_id.as_deref(), tid);
            assert_eq!((d.acks, d.timeout_ms), (-1, 1234));
            assert_eq!(d.topics.len(), 1);
            if v >= 13 {
                assert_eq!(d.topics[0].topic_id, [7; 16]);
            } else {
                assert_eq!(d.topics[0].name, "topic-a");
            }
            assert_eq!(d.topics[0].partitions[0].partition, 3);
            assert_eq!(d.topics[0].partitions[0].records.as_ref(), Some(&batch()));
            assert_eq!(d.topics[0].partitions[1].records, None);
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(decode_produce_request(7, &Bytes::from_static(&[0, 0, 0xff, 0xff])).is_err());
        assert!(decode_produce_request(14, &Bytes::new()).is_err());
    }
}
