//! Byte formats of the "consumer" protocol type inside JoinGroup and
//! SyncGroup, and of the sticky assignor's user data.
//!
//! Subscription (JoinGroup protocol metadata), all big-endian:
//!
//! ```text
//! version          int16
//! topics           [string]
//! user_data        bytes (nullable)
//! owned_partitions [topic string, partitions [int32]]   v1+
//! generation_id    int32                                 v2+
//! rack_id          string (nullable)                     v3+
//! ```
//!
//! Assignment (SyncGroup member state):
//!
//! ```text
//! version             int16
//! assigned_partitions [topic string, partitions [int32]]
//! user_data           bytes (nullable)
//! ```
//!
//! Newer versions only ever append fields, so a reader decodes a version
//! above 3 as version 3 and ignores what follows; so do librdkafka and the
//! Java client.
//!
//! Sticky user data (the Java `StickyAssignor` format, also written by
//! librdkafka's cooperative-sticky assignor):
//!
//! ```text
//! previous_assignment [topic string, partitions [int32]]
//! generation          int32      (absent in the oldest format)
//! ```

use super::TopicPartition;
use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::TopicName;
use kafka_protocol::messages::consumer_protocol_assignment as cpa;
use kafka_protocol::messages::consumer_protocol_subscription as cps;
use kafka_protocol::messages::{ConsumerProtocolAssignment, ConsumerProtocolSubscription};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use std::fmt;

/// The highest subscription/assignment version understood here.
pub const MAX_VERSION: i16 = 3;

/// A malformed subscription, assignment or user data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError(pub String);

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProtocolError {}

/// A member's subscription metadata, without the version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    pub topics: Vec<String>,
    pub user_data: Option<Vec<u8>>,
    /// v1+.
    pub owned_partitions: Vec<TopicPartition>,
    /// v2+; -1 when absent.
    pub generation: i32,
    /// v3+.
    pub rack_id: Option<String>,
}

impl Default for Subscription {
    fn default() -> Self {
        Subscription {
            topics: Vec::new(),
            user_data: None,
            owned_partitions: Vec::new(),
            generation: -1,
            rack_id: None,
        }
    }
}

/// Groups partitions by topic, topics in order of first appearance and
/// partitions in the given order.
fn group_by_topic(parts: &[TopicPartition]) -> Vec<(String, Vec<i32>)> {
    let mut out: Vec<(String, Vec<i32>)> = Vec::new();
    for tp in parts {
        match out.iter_mut().find(|(t, _)| *t == tp.topic) {
            Some((_, v)) => v.push(tp.partition),
            None => out.push((tp.topic.clone(), vec![tp.partition])),
        }
    }
    out
}

fn strbytes(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

/// Encodes a subscription with the version header. A `user_data` of None
/// is written as empty bytes rather than null, as librdkafka does (old
/// brokers and clients fail on null). Fields the version lacks are left
/// out. Versions above [`MAX_VERSION`] are written as [`MAX_VERSION`].
/// librdkafka always sends version 3 (with generation -1 and no owned
/// partitions before its first assignment).
pub fn encode_subscription(version: i16, sub: &Subscription) -> Vec<u8> {
    let version = version.clamp(0, MAX_VERSION);
    let mut msg = ConsumerProtocolSubscription::default()
        .with_topics(sub.topics.iter().map(|t| strbytes(t)).collect())
        .with_user_data(Some(Bytes::from(sub.user_data.clone().unwrap_or_default())));
    if version >= 1 {
        msg = msg.with_owned_partitions(
            group_by_topic(&sub.owned_partitions)
                .into_iter()
                .map(|(t, p)| {
                    cps::TopicPartition::default()
                        .with_topic(TopicName(strbytes(&t)))
                        .with_partitions(p)
                })
                .collect(),
        );
    }
    if version >= 2 {
        msg = msg.with_generation_id(sub.generation);
    }
    if version >= 3 {
        msg = msg.with_rack_id(sub.rack_id.as_deref().map(strbytes));
    }
    let mut buf = BytesMut::new();
    buf.extend_from_slice(&version.to_be_bytes());
    msg.encode(&mut buf, version)
        .expect("subscription fields fit their version");
    buf.to_vec()
}

fn read_version(buf: &mut Bytes, what: &str) -> Result<i16, ProtocolError> {
    if buf.len() < 2 {
        return Err(ProtocolError(format!("{what}: truncated version")));
    }
    let v = i16::from_be_bytes([buf[0], buf[1]]);
    let _ = buf.split_to(2);
    if v < 0 {
        return Err(ProtocolError(format!("{what}: invalid version {v}")));
    }
    Ok(v)
}

/// Decodes a subscription: (version as sent, subscription).
pub fn decode_subscription(data: &[u8]) -> Result<(i16, Subscription), ProtocolError> {
    let mut buf = Bytes::copy_from_slice(data);
    let version = read_version(&mut buf, "subscription")?;
    let msg = ConsumerProtocolSubscription::decode(&mut buf, version.min(MAX_VERSION))
        .map_err(|e| ProtocolError(format!("subscription v{version}: {e}")))?;
    let owned_partitions = msg
        .owned_partitions
        .iter()
        .flat_map(|tp| {
            let topic = tp.topic.0.to_string();
            tp.partitions.iter().map(move |&p| TopicPartition {
                topic: topic.clone(),
                partition: p,
            })
        })
        .collect();
    Ok((
        version,
        Subscription {
            topics: msg.topics.iter().map(|t| t.to_string()).collect(),
            user_data: msg.user_data.map(|b| b.to_vec()),
            owned_partitions,
            generation: if version >= 2 { msg.generation_id } else { -1 },
            rack_id: msg.rack_id.map(|r| r.to_string()),
        },
    ))
}

/// Encodes a member's assignment as version 0 (what librdkafka and the Java
/// client send: later versions add no fields). Partitions are grouped by
/// topic. librdkafka puts the member's own subscription user data back in
/// `user_data`; the built-in assignors do not read it.
pub fn encode_assignment(parts: &[TopicPartition], user_data: Option<&[u8]>) -> Vec<u8> {
    let msg = ConsumerProtocolAssignment::default()
        .with_assigned_partitions(
            group_by_topic(parts)
                .into_iter()
                .map(|(t, p)| {
                    cpa::TopicPartition::default()
                        .with_topic(TopicName(strbytes(&t)))
                        .with_partitions(p)
                })
                .collect(),
        )
        .with_user_data(user_data.map(Bytes::copy_from_slice));
    let mut buf = BytesMut::new();
    buf.extend_from_slice(&0i16.to_be_bytes());
    msg.encode(&mut buf, 0).expect("assignment encodes");
    buf.to_vec()
}

/// Decodes a member's assignment. An empty member state (what the broker
/// gives a member the leader left out) is an empty assignment.
pub fn decode_assignment(
    data: &[u8],
) -> Result<(Vec<TopicPartition>, Option<Vec<u8>>), ProtocolError> {
    if data.is_empty() {
        return Ok((Vec::new(), None));
    }
    let mut buf = Bytes::copy_from_slice(data);
    let version = read_version(&mut buf, "assignment")?;
    let msg = ConsumerProtocolAssignment::decode(&mut buf, version.min(MAX_VERSION))
        .map_err(|e| ProtocolError(format!("assignment v{version}: {e}")))?;
    let parts = msg
        .assigned_partitions
        .iter()
        .flat_map(|tp| {
            let topic = tp.topic.0.to_string();
            tp.partitions.iter().map(move |&p| TopicPartition {
                topic: topic.clone(),
                partition: p,
            })
        })
        .collect();
    Ok((parts, msg.user_data.map(|b| b.to_vec())))
}

/// The sticky user data: the previous assignment and its generation.
pub fn encode_sticky_user_data(prev: &[TopicPartition], generation: i32) -> Vec<u8> {
    let groups = group_by_topic(prev);
    let mut out = Vec::new();
    out.extend_from_slice(&(groups.len() as i32).to_be_bytes());
    for (topic, parts) in groups {
        out.extend_from_slice(&(topic.len() as i16).to_be_bytes());
        out.extend_from_slice(topic.as_bytes());
        out.extend_from_slice(&(parts.len() as i32).to_be_bytes());
        for p in parts {
            out.extend_from_slice(&p.to_be_bytes());
        }
    }
    out.extend_from_slice(&generation.to_be_bytes());
    out
}

/// Parses sticky user data: the previous assignment and, when present, the
/// generation. None when the bytes are not in that format.
pub fn decode_sticky_user_data(data: &[u8]) -> Option<(Vec<TopicPartition>, Option<i32>)> {
    struct Rd<'a>(&'a [u8]);
    impl Rd<'_> {
        fn take(&mut self, n: usize) -> Option<&[u8]> {
            if self.0.len() < n {
                return None;
            }
            let (a, b) = self.0.split_at(n);
            self.0 = b;
            Some(a)
        }
        fn i16(&mut self) -> Option<i16> {
            self.take(2).map(|b| i16::from_be_bytes([b[0], b[1]]))
        }
        fn i32(&mut self) -> Option<i32> {
            self.take(4)
                .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        }
    }
    let mut rd = Rd(data);
    let topics = rd.i32()?;
    if topics < 0 || topics as usize > data.len() {
        return None;
    }
    let mut out = Vec::new();
    for _ in 0..topics {
        let len = rd.i16()?;
        if len < 0 {
            return None;
        }
        let topic = std::str::from_utf8(rd.take(len as usize)?)
            .ok()?
            .to_string();
        let n = rd.i32()?;
        if n < 0 || n as usize > data.len() {
            return None;
        }
        for _ in 0..n {
            out.push(TopicPartition {
                topic: topic.clone(),
                partition: rd.i32()?,
            });
        }
    }
    let generation = match rd.0.len() {
        0 => None,
        4 => rd.i32(),
        _ => return None,
    };
    Some((out, generation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::assignor::testutil::tps;

    /// Builds protocol bytes field by field from the format description.
    #[derive(Default)]
    struct W(Vec<u8>);
    impl W {
        fn i16(mut self, v: i16) -> Self {
            self.0.extend_from_slice(&v.to_be_bytes());
            self
        }
        fn i32(mut self, v: i32) -> Self {
            self.0.extend_from_slice(&v.to_be_bytes());
            self
        }
        fn str(self, s: &str) -> Self {
            let mut w = self.i16(s.len() as i16);
            w.0.extend_from_slice(s.as_bytes());
            w
        }
        fn bytes(self, b: &[u8]) -> Self {
            let mut w = self.i32(b.len() as i32);
            w.0.extend_from_slice(b);
            w
        }
    }

    #[test]
    fn subscription_v0() {
        let sub = Subscription {
            topics: vec!["t1".into(), "topic2".into()],
            user_data: Some(vec![1, 2, 3]),
            ..Default::default()
        };
        let want = W::default()
            .i16(0)
            .i32(2)
            .str("t1")
            .str("topic2")
            .bytes(&[1, 2, 3])
            .0;
        assert_eq!(encode_subscription(0, &sub), want);
        assert_eq!(decode_subscription(&want).unwrap(), (0, sub));
    }

    #[test]
    fn subscription_null_user_data_is_written_empty() {
        let sub = Subscription {
            topics: vec!["a".into()],
            ..Default::default()
        };
        let want = W::default().i16(0).i32(1).str("a").i32(0).0;
        assert_eq!(encode_subscription(0, &sub), want);
        // A null sent by another client decodes as None.
        let null = W::default().i16(0).i32(1).str("a").i32(-1).0;
        assert_eq!(decode_subscription(&null).unwrap().1.user_data, None);
    }

    #[test]
    fn subscription_v1_v2_v3() {
        let sub = Subscription {
            topics: vec!["a".into(), "b".into()],
            user_data: Some(vec![9]),
            owned_partitions: tps(&[("a", 0), ("a", 2), ("b", 1)]),
            generation: 7,
            rack_id: Some("rack1".into()),
        };
        let base = || {
            W::default()
                .i32(2)
                .str("a")
                .str("b")
                .bytes(&[9])
                .i32(2)
                .str("a")
                .i32(2)
                .i32(0)
                .i32(2)
                .str("b")
                .i32(1)
                .i32(1)
        };
        let head = |v: i16| W::default().i16(v).0;
        let v1 = [head(1), base().0].concat();
        let v2 = [head(2), base().i32(7).0].concat();
        let v3 = [head(3), base().i32(7).str("rack1").0].concat();
        assert_eq!(encode_subscription(1, &sub), v1);
        assert_eq!(encode_subscription(2, &sub), v2);
        assert_eq!(encode_subscription(3, &sub), v3);

        let (v, d) = decode_subscription(&v1).unwrap();
        assert_eq!(v, 1);
        assert_eq!(d.owned_partitions, sub.owned_partitions);
        assert_eq!((d.generation, d.rack_id.clone()), (-1, None));
        let (_, d) = decode_subscription(&v2).unwrap();
        assert_eq!((d.generation, d.rack_id.clone()), (7, None));
        assert_eq!(decode_subscription(&v3).unwrap(), (3, sub.clone()));

        // Null rack id in v3.
        let v3null = [head(3), base().i32(7).i16(-1).0].concat();
        assert_eq!(decode_subscription(&v3null).unwrap().1.rack_id, None);

        // A future version with an extra trailing field decodes as v3.
        let v4 = [head(4), base().i32(7).str("rack1").i32(1234).0].concat();
        assert_eq!(decode_subscription(&v4).unwrap(), (4, sub));
    }

    #[test]
    fn subscription_garbage_is_an_error() {
        assert!(decode_subscription(&[]).is_err());
        assert!(decode_subscription(&[0]).is_err());
        assert!(decode_subscription(&[0xff, 0xff, 0, 0, 0, 0]).is_err()); // version -1
        assert!(decode_subscription(&W::default().i16(0).i32(5).str("a").0).is_err());
        assert!(decode_subscription(&W::default().i16(0).i32(0x7fffffff).0).is_err());
        // v1 cut before owned partitions.
        assert!(decode_subscription(&W::default().i16(1).i32(0).i32(0).0).is_err());
    }

    #[test]
    fn assignment_round_trip() {
        let parts = tps(&[("x", 3), ("y", 0), ("x", 1)]);
        let bytes = encode_assignment(&parts, Some(b"ud"));
        let want = W::default()
            .i16(0)
            .i32(2)
            .str("x")
            .i32(2)
            .i32(3)
            .i32(1)
            .str("y")
            .i32(1)
            .i32(0)
            .bytes(b"ud")
            .0;
        assert_eq!(bytes, want);
        let (got, ud) = decode_assignment(&bytes).unwrap();
        assert_eq!(got, tps(&[("x", 3), ("x", 1), ("y", 0)]));
        assert_eq!(ud.as_deref(), Some(&b"ud"[..]));

        let empty = encode_assignment(&[], None);
        assert_eq!(empty, W::default().i16(0).i32(0).i32(-1).0);
        assert_eq!(decode_assignment(&empty).unwrap(), (vec![], None));
        assert_eq!(decode_assignment(&[]).unwrap(), (vec![], None));

        // Versions 1-3 have the same fields; a later one may append more.
        for v in [1, 3, 5] {
            let b = W::default()
                .i16(v)
                .i32(1)
                .str("t")
                .i32(1)
                .i32(4)
                .bytes(&[])
                .i32(99)
                .0;
            assert_eq!(
                decode_assignment(&b).unwrap(),
                (tps(&[("t", 4)]), Some(vec![]))
            );
        }
        assert!(decode_assignment(&W::default().i16(0).i32(1).str("t").i32(2).i32(4).0).is_err());
    }

    #[test]
    fn sticky_user_data() {
        let prev = tps(&[("t1", 0), ("t2", 5), ("t1", 2)]);
        let bytes = encode_sticky_user_data(&prev, 12);
        let want = W::default()
            .i32(2)
            .str("t1")
            .i32(2)
            .i32(0)
            .i32(2)
            .str("t2")
            .i32(1)
            .i32(5)
            .i32(12)
            .0;
        assert_eq!(bytes, want);
        let (got, generation) = decode_sticky_user_data(&bytes).unwrap();
        assert_eq!(got, tps(&[("t1", 0), ("t1", 2), ("t2", 5)]));
        assert_eq!(generation, Some(12));
        // The oldest format has no generation.
        let v0 = W::default().i32(1).str("a").i32(1).i32(3).0;
        assert_eq!(decode_sticky_user_data(&v0), Some((tps(&[("a", 3)]), None)));
        assert_eq!(decode_sticky_user_data(&[1, 2]), None);
        assert_eq!(decode_sticky_user_data(&[0, 0, 0, 0, 1]), None);
    }
}
