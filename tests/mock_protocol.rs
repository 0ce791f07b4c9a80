//! The mock cluster driven with raw Kafka protocol frames (encoded with
//! ferrokafka::protocol, sent over plain TCP): produce/fetch round trips,
//! ListOffsets, idempotence, transactions, error injection order, rtt,
//! brokers going down, coordinators, request tracking, API version limits
//! and SASL.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use bytes::Bytes;
use ferrokafka::mock::{MockCluster, SaslSettings};
use ferrokafka::protocol::messages::*;
use ferrokafka::protocol::*;

/// A blocking client connection speaking raw frames.
struct Client {
    s: TcpStream,
    corr: i32,
}

impl Client {
    fn connect(addr: &str) -> Client {
        let s = TcpStream::connect(addr.parse::<SocketAddr>().unwrap()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        Client { s, corr: 0 }
    }

    fn send_frame(&mut self, frame: &[u8]) {
        self.s.write_all(frame).unwrap();
    }

    /// Read one response frame (without the size); None on EOF.
    fn read_frame(&mut self) -> Option<Bytes> {
        let mut len = [0u8; 4];
        if self.s.read_exact(&mut len).is_err() {
            return None;
        }
        let mut buf = vec![0u8; i32::from_be_bytes(len) as usize];
        self.s.read_exact(&mut buf).ok()?;
        Some(Bytes::from(buf))
    }

    fn call<Q: Encodable, R: Decodable>(&mut self, key: i16, v: i16, req: &Q) -> R {
        self.try_call(key, v, req).expect("connection closed")
    }

    fn try_call<Q: Encodable, R: Decodable>(&mut self, key: i16, v: i16, req: &Q) -> Option<R> {
        self.corr += 1;
        let f = encode_request(key, v, self.corr, Some("mock-test"), req).unwrap();
        self.send_frame(&f);
        let frame = self.read_frame()?;
        let (h, body) = decode_response::<R>(key, v, frame).unwrap();
        assert_eq!(h.correlation_id, self.corr);
        Some(body)
    }

    fn produce(
        &mut self,
        v: i16,
        tid: Option<&str>,
        topic: &str,
        part: i32,
        batch: Bytes,
    ) -> crate::ProducePartitionResponse {
        self.corr += 1;
        let req = encode_produce_request(
            v,
            self.corr,
            Some("mock-test"),
            tid,
            -1,
            5000,
            &[ProduceTopic {
                name: topic,
                topic_id: [0; 16],
                partitions: vec![ProducePartition {
                    partition: part,
                    records: Some(batch),
                }],
            }],
        )
        .unwrap();
        self.send_frame(&req.to_bytes());
        let mut f = self.read_frame().expect("produce response");
        let h = decode_response_header(0, v, &mut f).unwrap();
        assert_eq!(h.correlation_id, self.corr);
        let r = decode_produce_response(v, &f).unwrap();
        r.topics[0].partitions[0].clone()
    }

    fn fetch(
        &mut self,
        v: i16,
        topic: &str,
        part: i32,
        offset: i64,
        max_wait: i32,
        isolation: i8,
    ) -> crate::FetchPartition {
        // From v13 topics are named by id.
        let topic_id = if v >= 13 {
            metadata(self, &[topic]).topics[0].topic_id
        } else {
            Default::default()
        };
        let req = FetchRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_max_wait_ms(max_wait)
            .with_min_bytes(1)
            .with_max_bytes(10 << 20)
            .with_isolation_level(isolation)
            .with_session_epoch(-1)
            .with_topics(vec![
                fetch_request::FetchTopic::default()
                    .with_topic(TopicName(StrBytes::from_string(if v >= 13 {
                        String::new()
                    } else {
                        topic.into()
                    })))
                    .with_topic_id(topic_id)
                    .with_partitions(vec![
                        fetch_request::FetchPartition::default()
                            .with_partition(part)
                            .with_fetch_offset(offset)
                            .with_partition_max_bytes(1 << 20)
                            .with_current_leader_epoch(-1)
                            .with_log_start_offset(-1)
                            .with_last_fetched_epoch(-1),
                    ]),
            ]);
        self.corr += 1;
        let f = encode_request(1, v, self.corr, Some("mock-test"), &req).unwrap();
        self.send_frame(&f);
        let mut frame = self.read_frame().expect("fetch response");
        let h = decode_response_header(1, v, &mut frame).unwrap();
        assert_eq!(h.correlation_id, self.corr);
        let r = decode_fetch_response(v, &frame).unwrap();
        r.topics[0].partitions[0].clone()
    }
}

fn sb(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

fn addrs(mc: &MockCluster) -> Vec<String> {
    mc.bootstraps().split(',').map(str::to_string).collect()
}

/// Connect to the broker with this id (ids are 1-based, in bootstrap order).
fn to_broker(mc: &MockCluster, id: i32) -> Client {
    Client::connect(&addrs(mc)[id as usize - 1])
}

fn batch(opts: BatchOptions, recs: &[(&str, &str)], ts: i64) -> Bytes {
    let mut b = RecordBatchBuilder::new(opts);
    for (i, (k, v)) in recs.iter().enumerate() {
        b.append(
            ts + i as i64,
            Some(k.as_bytes()),
            Some(v.as_bytes()),
            [(&b"h"[..], Some(&b"hv"[..]))],
        );
    }
    b.finish().unwrap()
}

fn plain(recs: &[(&str, &str)], ts: i64) -> Bytes {
    batch(BatchOptions::default(), recs, ts)
}

/// (offset, key, value) of every data record in a fetched partition.
fn records(p: &FetchPartition) -> Vec<(i64, String, String)> {
    let mut out = Vec::new();
    let mut rd = p.record_set(DecodeOptions {
        check_crcs: true,
        ..Default::default()
    });
    while let Some(b) = rd.next_batch().unwrap() {
        if b.is_control() {
            continue;
        }
        for r in b.records(rd.options()).unwrap() {
            let r = r.unwrap();
            out.push((
                r.offset,
                String::from_utf8_lossy(r.key.as_deref().unwrap_or_default()).into(),
                String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into(),
            ));
        }
    }
    out
}

fn metadata(c: &mut Client, topics: &[&str]) -> MetadataResponse {
    let req = MetadataRequest::default()
        .with_topics(Some(
            topics
                .iter()
                .map(|t| {
                    metadata_request::MetadataRequestTopic::default()
                        .with_name(Some(TopicName(sb(t))))
                })
                .collect(),
        ))
        .with_allow_auto_topic_creation(true);
    c.call(3, 12, &req)
}

fn leader_of(mc: &MockCluster, topic: &str, p: i32) -> i32 {
    mc.partition_leader(topic, p).unwrap()
}

#[test]
fn produce_fetch_round_trip_and_long_poll() {
    let mc = MockCluster::new(3).unwrap();
    mc.create_topic("t", 2, 3).unwrap();
    let mut any = to_broker(&mc, 1);
    let md = metadata(&mut any, &["t"]);
    assert_eq!(md.brokers.len(), 3);
    assert_eq!(md.topics[0].partitions.len(), 2);
    assert_eq!(
        md.cluster_id.as_deref().map(|s| s.to_string()),
        Some(mc.cluster_id())
    );
    let l = md.topics[0].partitions[0].leader_id.0;
    assert_eq!(l, leader_of(&mc, "t", 0));
    assert_eq!(md.topics[0].partitions[0].replica_nodes.len(), 3);
    assert_eq!(md.topics[0].partitions[0].isr_nodes.len(), 3);

    // Produce to a follower: NOT_LEADER_OR_FOLLOWER with the leader (v10+).
    let other = (l % 3) + 1;
    let r = to_broker(&mc, other).produce(10, None, "t", 0, plain(&[("a", "1")], 1000));
    assert_eq!(r.error_code, 6);
    assert_eq!(r.current_leader.unwrap().leader_id, l);

    let mut c = to_broker(&mc, l);
    let r = c.produce(
        9,
        None,
        "t",
        0,
        plain(&[("k0", "v0"), ("k1", "v1"), ("k2", "v2")], 1000),
    );
    assert_eq!((r.error_code, r.base_offset), (0, 0));
    let r = c.produce(3, None, "t", 0, plain(&[("k3", "v3")], 2000));
    assert_eq!((r.error_code, r.base_offset), (0, 3));
    // Produce v0-2 (decoded by hand) with a v2 batch still works.
    let r = c.produce(2, None, "t", 0, plain(&[("k4", "v4")], 3000));
    assert_eq!((r.error_code, r.base_offset), (0, 4));

    for v in [4, 11, 12, 16] {
        let p = c.fetch(v, "t", 0, 0, 100, 0);
        assert_eq!(p.error_code, 0, "fetch v{v}");
        assert_eq!(p.high_watermark, 5);
        let recs = records(&p);
        assert_eq!(recs.len(), 5, "fetch v{v}");
        for (i, (off, k, v)) in recs.iter().enumerate() {
            assert_eq!(*off, i as i64);
            assert_eq!(k, &format!("k{i}"));
            assert_eq!(v, &format!("v{i}"));
        }
    }
    // From the middle of a batch: the whole batch comes back.
    let p = c.fetch(12, "t", 0, 1, 100, 0);
    assert_eq!(records(&p)[0].0, 0);
    // Past the end: OFFSET_OUT_OF_RANGE; from a follower: NOT_LEADER.
    assert_eq!(c.fetch(12, "t", 0, 6, 100, 0).error_code, 1);
    assert_eq!(
        to_broker(&mc, other).fetch(12, "t", 0, 0, 0, 0).error_code,
        6
    );

    // At the end with nothing new: held for max wait, then empty.
    let t0 = Instant::now();
    let p = c.fetch(12, "t", 0, 5, 400, 0);
    let waited = t0.elapsed();
    assert!(
        waited >= Duration::from_millis(380),
        "answered after {waited:?}"
    );
    assert!(waited < Duration::from_secs(3));
    assert!(records(&p).is_empty());
    assert_eq!(p.error_code, 0);

    // A held fetch is answered as soon as data arrives.
    let addr = addrs(&mc)[l as usize - 1].clone();
    let prod = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        Client::connect(&addr).produce(9, None, "t", 0, plain(&[("late", "x")], 5000))
    });
    let t0 = Instant::now();
    let p = c.fetch(12, "t", 0, 5, 5000, 0);
    let waited = t0.elapsed();
    assert_eq!(prod.join().unwrap().base_offset, 5);
    assert!(
        waited >= Duration::from_millis(250) && waited < Duration::from_secs(3),
        "waited {waited:?}"
    );
    assert_eq!(records(&p), vec![(5, "late".into(), "x".into())]);
}

#[test]
fn list_offsets_and_delete_records() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("lo", 1, 1).unwrap();
    let mut c = to_broker(&mc, 1);
    c.produce(9, None, "lo", 0, plain(&[("a", "1"), ("b", "2")], 1000));
    c.produce(9, None, "lo", 0, plain(&[("c", "3")], 5000));
    c.produce(9, None, "lo", 0, plain(&[("d", "4")], 3000));
    let lo = |c: &mut Client, ts: i64, v: i16| -> (i16, i64, i64) {
        let req = ListOffsetsRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_topics(vec![
                list_offsets_request::ListOffsetsTopic::default()
                    .with_name(TopicName(sb("lo")))
                    .with_partitions(vec![
                        list_offsets_request::ListOffsetsPartition::default()
                            .with_partition_index(0)
                            .with_timestamp(ts)
                            .with_current_leader_epoch(-1),
                    ]),
            ]);
        let r: ListOffsetsResponse = c.call(2, v, &req);
        let p = &r.topics[0].partitions[0];
        (p.error_code, p.offset, p.timestamp)
    };
    assert_eq!(lo(&mut c, -2, 7), (0, 0, -1));
    assert_eq!(lo(&mut c, -1, 7), (0, 4, -1));
    assert_eq!(lo(&mut c, 1001, 7), (0, 1, 1001));
    assert_eq!(lo(&mut c, 2000, 4), (0, 2, 5000));
    assert_eq!(lo(&mut c, -3, 7), (0, 2, 5000));
    assert_eq!(lo(&mut c, 9000, 1).1, -1);
    mc.partition_delete_records("lo", 0, 2).unwrap();
    assert_eq!(lo(&mut c, -2, 7), (0, 2, -1));
    assert_eq!(mc.partition_delete_records("lo", 0, 99), Err(1));
    assert_eq!(
        c.fetch(12, "lo", 0, 0, 0, 0).error_code,
        1,
        "deleted offsets are out of range"
    );
    assert_eq!(mc.partition_offsets("lo", 0), Some((2, 4, 4)));
}

#[test]
fn injected_errors_come_in_order_and_broker_errors_first() {
    let mc = MockCluster::new(2).unwrap();
    mc.create_topic("e", 1, 2).unwrap();
    let l = leader_of(&mc, "e", 0);
    let mut c = to_broker(&mc, l);
    // NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT, then success.
    mc.push_request_errors(0, &[6, 7]);
    let mut codes = Vec::new();
    for _ in 0..3 {
        codes.push(
            c.produce(9, None, "e", 0, plain(&[("k", "v")], 1))
                .error_code,
        );
    }
    assert_eq!(codes, vec![6, 7, 0]);
    // Broker errors take precedence over the cluster's.
    mc.push_request_errors(0, &[29]);
    mc.broker_push_request_error_rtts(l, 0, &[(48, 0)]).unwrap();
    assert_eq!(mc.broker_error_stack_cnt(l, 0), Ok(1));
    assert_eq!(
        c.produce(9, None, "e", 0, plain(&[("k", "v")], 1))
            .error_code,
        48
    );
    assert_eq!(mc.broker_error_stack_cnt(l, 0), Ok(0));
    assert_eq!(
        c.produce(9, None, "e", 0, plain(&[("k", "v")], 1))
            .error_code,
        29
    );
    // Cleared errors are gone.
    mc.push_request_errors(0, &[7, 7]);
    mc.clear_request_errors(0);
    assert_eq!(
        c.produce(9, None, "e", 0, plain(&[("k", "v")], 1))
            .error_code,
        0
    );
    // Partition errors apply to that partition only, after the others.
    mc.partition_push_request_errors("e", 0, 0, &[87]).unwrap();
    assert_eq!(
        c.produce(9, None, "e", 0, plain(&[("k", "v")], 1))
            .error_code,
        87
    );
    assert_eq!(
        c.produce(9, None, "e", 0, plain(&[("k", "v")], 1))
            .error_code,
        0
    );
    // __TRANSPORT: the broker hangs up.
    mc.push_request_errors(0, &[-195]);
    c.corr += 1;
    let req = encode_produce_request(
        9,
        c.corr,
        None,
        None,
        -1,
        1000,
        &[ProduceTopic {
            name: "e",
            topic_id: [0; 16],
            partitions: vec![ProducePartition {
                partition: 0,
                records: Some(plain(&[("k", "v")], 1)),
            }],
        }],
    )
    .unwrap();
    c.send_frame(&req.to_bytes());
    assert!(c.read_frame().is_none(), "connection closed");
    assert_eq!(mc.broker_error_stack_cnt(99, 0), Err(-146));
}

#[test]
fn rtt_delays_responses() {
    let mc = MockCluster::new(2).unwrap();
    mc.broker_set_rtt(1, 300).unwrap();
    let time = |c: &mut Client| {
        let t0 = Instant::now();
        let _: ApiVersionsResponse = c.call(
            18,
            3,
            &ApiVersionsRequest::default()
                .with_client_software_name(sb("t"))
                .with_client_software_version(sb("1")),
        );
        t0.elapsed()
    };
    let mut c1 = to_broker(&mc, 1);
    let mut c2 = to_broker(&mc, 2);
    assert!(time(&mut c1) >= Duration::from_millis(290));
    assert!(time(&mut c2) < Duration::from_millis(250));
    // An injected rtt adds to one response.
    mc.broker_push_request_error_rtts(2, 18, &[(0, 400)])
        .unwrap();
    assert!(time(&mut c2) >= Duration::from_millis(390));
    assert!(time(&mut c2) < Duration::from_millis(250));
    mc.broker_set_rtt(-1, 0).unwrap();
    assert!(time(&mut c1) < Duration::from_millis(250));
}

#[test]
fn broker_down_refuses_connections_and_comes_back_on_the_same_port() {
    let mc = MockCluster::new(2).unwrap();
    let a = addrs(&mc)[1].clone();
    let mut c = Client::connect(&a);
    let _: ApiVersionsResponse = c.call(18, 0, &ApiVersionsRequest::default());
    mc.broker_set_down(2).unwrap();
    assert!(c.read_frame().is_none(), "existing connection closed");
    let err = TcpStream::connect(a.parse::<SocketAddr>().unwrap()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused);
    // Down brokers leave Metadata.
    let md = metadata(&mut to_broker(&mc, 1), &[]);
    assert_eq!(
        md.brokers.iter().map(|b| b.node_id.0).collect::<Vec<_>>(),
        vec![1]
    );
    mc.broker_set_up(2).unwrap();
    let mut c = Client::connect(&a);
    let r: ApiVersionsResponse = c.call(18, 0, &ApiVersionsRequest::default());
    assert_eq!(r.error_code, 0);
    assert_eq!(mc.broker_set_down(7), Err(8));
}

#[test]
fn coordinators_and_offsets() {
    let mc = MockCluster::new(3).unwrap();
    mc.create_topic("ct", 2, 1).unwrap();
    let find = |c: &mut Client, key: &str, ty: i8| -> (i16, i32) {
        let r: FindCoordinatorResponse = c.call(
            10,
            2,
            &FindCoordinatorRequest::default()
                .with_key(sb(key))
                .with_key_type(ty),
        );
        (r.error_code, r.node_id.0)
    };
    let mut c = to_broker(&mc, 1);
    let expect = (crc32fast::hash(b"grp") % 3) as i32 + 1;
    assert_eq!(find(&mut c, "grp", 0), (0, expect));
    assert_eq!(mc.coordinator("group", "grp"), Some(expect));
    mc.coordinator_set("group", "grp", 2).unwrap();
    assert_eq!(find(&mut c, "grp", 0), (0, 2));
    mc.coordinator_set("transaction", "tx", 3).unwrap();
    assert_eq!(find(&mut c, "tx", 1), (0, 3));
    assert_eq!(mc.coordinator_set("bogus", "x", 1), Err(-186));
    // Batched lookup (v4).
    let r: FindCoordinatorResponse = c.call(
        10,
        4,
        &FindCoordinatorRequest::default()
            .with_key_type(0)
            .with_coordinator_keys(vec![sb("grp"), sb("")]),
    );
    assert_eq!(r.coordinators[0].node_id.0, 2);
    assert_ne!(r.coordinators[1].error_code, 0);

    let commit = |c: &mut Client, off: i64| -> i16 {
        let req = OffsetCommitRequest::default()
            .with_group_id(GroupId(sb("grp")))
            .with_generation_id_or_member_epoch(-1)
            .with_topics(vec![
                offset_commit_request::OffsetCommitRequestTopic::default()
                    .with_name(TopicName(sb("ct")))
                    .with_partitions(vec![
                        offset_commit_request::OffsetCommitRequestPartition::default()
                            .with_partition_index(1)
                            .with_committed_offset(off)
                            .with_committed_metadata(Some(sb("md"))),
                    ]),
            ]);
        let r: OffsetCommitResponse = c.call(8, 8, &req);
        r.topics[0].partitions[0].error_code
    };
    assert_eq!(commit(&mut to_broker(&mc, 1), 5), 16, "NOT_COORDINATOR");
    let mut coord = to_broker(&mc, 2);
    assert_eq!(commit(&mut coord, 42), 0);
    assert_eq!(mc.committed_offset("grp", "ct", 1), Some(42));
    let req = OffsetFetchRequest::default()
        .with_group_id(GroupId(sb("grp")))
        .with_topics(Some(vec![
            offset_fetch_request::OffsetFetchRequestTopic::default()
                .with_name(TopicName(sb("ct")))
                .with_partition_indexes(vec![0, 1]),
        ]));
    let r: OffsetFetchResponse = coord.call(9, 7, &req);
    let ps = &r.topics[0].partitions;
    assert_eq!((ps[0].committed_offset, ps[1].committed_offset), (-1, 42));
    assert_eq!(
        ps[1].metadata.as_deref().map(|s| s.to_string()),
        Some("md".into())
    );
    // v8 (groups array), all topics of the group.
    let req = OffsetFetchRequest::default().with_groups(vec![
        offset_fetch_request::OffsetFetchRequestGroup::default()
            .with_group_id(GroupId(sb("grp")))
            .with_topics(None),
    ]);
    let r: OffsetFetchResponse = coord.call(9, 8, &req);
    assert_eq!(r.groups[0].topics[0].partitions[0].committed_offset, 42);
}

#[test]
fn idempotent_producer_sequences() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("idem", 1, 1).unwrap();
    let mut c = to_broker(&mc, 1);
    let r: InitProducerIdResponse = c.call(
        22,
        4,
        &InitProducerIdRequest::default()
            .with_transactional_id(None)
            .with_transaction_timeout_ms(60000)
            .with_producer_id(ProducerId(-1))
            .with_producer_epoch(-1),
    );
    assert_eq!(r.error_code, 0);
    let (pid, ep) = (r.producer_id.0, r.producer_epoch);
    let b = |seq: i32, n: usize| {
        let recs: Vec<(&str, &str)> = (0..n).map(|_| ("k", "v")).collect();
        batch(
            BatchOptions {
                producer_id: pid,
                producer_epoch: ep,
                base_sequence: seq,
                ..Default::default()
            },
            &recs,
            1,
        )
    };
    assert_eq!(c.produce(9, None, "idem", 0, b(0, 2)).base_offset, 0);
    assert_eq!(c.produce(9, None, "idem", 0, b(2, 1)).base_offset, 2);
    // A retry is acknowledged with the original offset, not written again.
    let r = c.produce(9, None, "idem", 0, b(0, 2));
    assert_eq!((r.error_code, r.base_offset), (0, 0));
    assert_eq!(
        c.produce(9, None, "idem", 0, b(7, 1)).error_code,
        45,
        "OUT_OF_ORDER_SEQUENCE_NUMBER"
    );
    assert_eq!(mc.partition_offsets("idem", 0).unwrap().1, 3);
    // Epoch bump (KIP-360) restarts the sequence.
    let r: InitProducerIdResponse = c.call(
        22,
        4,
        &InitProducerIdRequest::default()
            .with_transactional_id(None)
            .with_transaction_timeout_ms(60000)
            .with_producer_id(ProducerId(pid))
            .with_producer_epoch(ep),
    );
    assert_eq!((r.producer_id.0, r.producer_epoch), (pid, ep + 1));
}

#[test]
fn transactions_markers_lso_and_read_committed() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("tx", 1, 1).unwrap();
    let mut c = to_broker(&mc, 1);
    let init = |c: &mut Client| -> (i64, i16) {
        let r: InitProducerIdResponse = c.call(
            22,
            3,
            &InitProducerIdRequest::default()
                .with_transactional_id(Some(TransactionalId(sb("app-tx"))))
                .with_transaction_timeout_ms(60000)
                .with_producer_id(ProducerId(-1))
                .with_producer_epoch(-1),
        );
        assert_eq!(r.error_code, 0);
        (r.producer_id.0, r.producer_epoch)
    };
    let (pid, ep) = init(&mut c);
    let add = |c: &mut Client, pid: i64, ep: i16| -> i16 {
        let req = AddPartitionsToTxnRequest::default()
            .with_v3_and_below_transactional_id(TransactionalId(sb("app-tx")))
            .with_v3_and_below_producer_id(ProducerId(pid))
            .with_v3_and_below_producer_epoch(ep)
            .with_v3_and_below_topics(vec![
                add_partitions_to_txn_request::AddPartitionsToTxnTopic::default()
                    .with_name(TopicName(sb("tx")))
                    .with_partitions(vec![0]),
            ]);
        let r: AddPartitionsToTxnResponse = c.call(24, 3, &req);
        r.results_by_topic_v3_and_below[0].results_by_partition[0].partition_error_code
    };
    let txb = |pid: i64, ep: i16, seq: i32, recs: &[(&str, &str)]| {
        batch(
            BatchOptions {
                producer_id: pid,
                producer_epoch: ep,
                base_sequence: seq,
                transactional: true,
                ..Default::default()
            },
            recs,
            1,
        )
    };
    // Producing before AddPartitionsToTxn is refused.
    assert_eq!(
        c.produce(9, Some("app-tx"), "tx", 0, txb(pid, ep, 0, &[("x", "x")]))
            .error_code,
        48
    );
    assert_eq!(add(&mut c, pid, ep), 0);
    assert_eq!(
        c.produce(
            9,
            Some("app-tx"),
            "tx",
            0,
            txb(pid, ep, 0, &[("a", "1"), ("b", "2")])
        )
        .base_offset,
        0
    );
    // The open transaction holds the LSO at its first offset.
    assert_eq!(mc.partition_offsets("tx", 0), Some((0, 2, 0)));
    let p = c.fetch(12, "tx", 0, 0, 0, 1);
    assert!(records(&p).is_empty());
    assert_eq!((p.high_watermark, p.last_stable_offset), (2, 0));
    assert_eq!(
        records(&c.fetch(12, "tx", 0, 0, 0, 0)).len(),
        2,
        "read_uncommitted sees it"
    );
    let end = |c: &mut Client, pid: i64, ep: i16, commit: bool| -> i16 {
        let r: EndTxnResponse = c.call(
            26,
            3,
            &EndTxnRequest::default()
                .with_transactional_id(TransactionalId(sb("app-tx")))
                .with_producer_id(ProducerId(pid))
                .with_producer_epoch(ep)
                .with_committed(commit),
        );
        r.error_code
    };
    assert_eq!(end(&mut c, pid, ep, false), 0);
    assert_eq!(
        mc.partition_offsets("tx", 0),
        Some((0, 3, 3)),
        "abort marker written"
    );
    let p = c.fetch(12, "tx", 0, 0, 0, 1);
    assert_eq!(
        p.aborted_transactions,
        vec![AbortedTransaction {
            producer_id: pid,
            first_offset: 0
        }]
    );
    // The consumer-side filter drops the aborted records.
    let mut ab = AbortedTransactions::new(&p.aborted_transactions);
    let mut rd = p.record_set(DecodeOptions::default());
    let mut kept = 0;
    let mut saw_abort_marker = false;
    while let Some(b) = rd.next_batch().unwrap() {
        if b.is_control() {
            saw_abort_marker = true;
            ab.on_abort_marker(b.producer_id(), b.base_offset());
        } else if !ab.is_aborted(&b) {
            kept += 1;
        }
    }
    assert!(saw_abort_marker);
    assert_eq!(kept, 0);

    // A committed transaction with offsets.
    assert_eq!(add(&mut c, pid, ep), 0);
    assert_eq!(
        c.produce(9, Some("app-tx"), "tx", 0, txb(pid, ep, 2, &[("c", "3")]))
            .base_offset,
        3
    );
    mc.coordinator_set("group", "g", 1).unwrap();
    let r: AddOffsetsToTxnResponse = c.call(
        25,
        3,
        &AddOffsetsToTxnRequest::default()
            .with_transactional_id(TransactionalId(sb("app-tx")))
            .with_producer_id(ProducerId(pid))
            .with_producer_epoch(ep)
            .with_group_id(GroupId(sb("g"))),
    );
    assert_eq!(r.error_code, 0);
    let r: TxnOffsetCommitResponse = c.call(
        28,
        3,
        &TxnOffsetCommitRequest::default()
            .with_transactional_id(TransactionalId(sb("app-tx")))
            .with_group_id(GroupId(sb("g")))
            .with_producer_id(ProducerId(pid))
            .with_producer_epoch(ep)
            .with_generation_id(-1)
            .with_topics(vec![
                txn_offset_commit_request::TxnOffsetCommitRequestTopic::default()
                    .with_name(TopicName(sb("tx")))
                    .with_partitions(vec![
                        txn_offset_commit_request::TxnOffsetCommitRequestPartition::default()
                            .with_partition_index(0)
                            .with_committed_offset(3)
                            .with_committed_leader_epoch(-1),
                    ]),
            ]),
    );
    assert_eq!(r.topics[0].partitions[0].error_code, 0);
    assert_eq!(
        mc.committed_offset("g", "tx", 0),
        None,
        "not before the commit"
    );
    assert_eq!(end(&mut c, pid, ep, true), 0);
    assert_eq!(mc.committed_offset("g", "tx", 0), Some(3));
    let p = c.fetch(12, "tx", 0, 3, 0, 1);
    assert_eq!(records(&p), vec![(3, "c".into(), "3".into())]);
    assert!(p.aborted_transactions.is_empty());
    assert_eq!(mc.partition_offsets("tx", 0), Some((0, 5, 5)));

    // A new incarnation fences the old one.
    let (pid2, ep2) = init(&mut c);
    assert_eq!((pid2, ep2), (pid, ep + 1));
    assert_eq!(add(&mut c, pid, ep), 47, "INVALID_PRODUCER_EPOCH");
}

#[test]
fn request_tracking_records_api_keys_and_brokers() {
    let mc = MockCluster::new(2).unwrap();
    let _: ApiVersionsResponse = to_broker(&mc, 1).call(18, 0, &ApiVersionsRequest::default());
    mc.start_request_tracking();
    let _: ApiVersionsResponse = to_broker(&mc, 2).call(18, 0, &ApiVersionsRequest::default());
    let _ = metadata(&mut to_broker(&mc, 1), &[]);
    let reqs = mc.get_requests();
    assert_eq!(
        reqs.iter()
            .map(|r| (r.broker_id, r.api_key))
            .collect::<Vec<_>>(),
        vec![(2, 18), (1, 3)]
    );
    assert!(reqs[0].timestamp_us <= reqs[1].timestamp_us && reqs[0].timestamp_us > 0);
    mc.clear_requests();
    assert!(mc.get_requests().is_empty());
    mc.stop_request_tracking();
    let _ = metadata(&mut to_broker(&mc, 1), &[]);
    assert!(mc.get_requests().is_empty());
}

#[test]
fn api_version_limits() {
    let mc = MockCluster::new(1).unwrap();
    mc.set_apiversion(3, 0, 4).unwrap();
    mc.set_apiversion(42, -1, -1).unwrap();
    assert_eq!(mc.set_apiversion(3, 0, 99), Err(-186));
    let mut c = to_broker(&mc, 1);
    let r: ApiVersionsResponse = c.call(
        18,
        3,
        &ApiVersionsRequest::default()
            .with_client_software_name(sb("t"))
            .with_client_software_version(sb("1")),
    );
    let md = r.api_keys.iter().find(|k| k.api_key == 3).unwrap();
    assert_eq!((md.min_version, md.max_version), (0, 4));
    assert!(r.api_keys.iter().all(|k| k.api_key != 42));
    assert!(
        r.api_keys.iter().any(|k| k.api_key == 68),
        "ConsumerGroupHeartbeat advertised"
    );
    assert!(
        c.try_call::<_, MetadataResponse>(3, 4, &MetadataRequest::default())
            .is_some()
    );
    assert!(
        c.try_call::<_, MetadataResponse>(3, 12, &MetadataRequest::default())
            .is_none(),
        "hung up"
    );
    // A too new ApiVersions gets a v0 answer with UNSUPPORTED_VERSION.
    let mut c = to_broker(&mc, 1);
    mc.set_apiversion(18, 0, 2).unwrap();
    let f = encode_request(18, 3, 9, Some("x"), &ApiVersionsRequest::default()).unwrap();
    c.send_frame(&f);
    let (_, body, used) = decode_api_versions_response(3, c.read_frame().unwrap()).unwrap();
    assert_eq!((body.error_code, used), (35, 0));
}

#[test]
fn classic_group_join_sync_heartbeat() {
    let mc = MockCluster::new(1).unwrap();
    mc.group_initial_rebalance_delay_ms(100);
    let mut c = to_broker(&mc, 1);
    let join = JoinGroupRequest::default()
        .with_group_id(GroupId(sb("cg")))
        .with_session_timeout_ms(10000)
        .with_rebalance_timeout_ms(10000)
        .with_protocol_type(sb("consumer"))
        .with_protocols(vec![
            join_group_request::JoinGroupRequestProtocol::default()
                .with_name(sb("range"))
                .with_metadata(Bytes::from_static(b"sub")),
        ]);
    let t0 = Instant::now();
    let r: JoinGroupResponse = c.call(11, 5, &join);
    assert!(
        t0.elapsed() >= Duration::from_millis(90),
        "initial rebalance delay"
    );
    assert_eq!((r.error_code, r.generation_id), (0, 1));
    assert_eq!(r.leader, r.member_id);
    assert_eq!(r.members[0].metadata, Bytes::from_static(b"sub"));
    let me = r.member_id.clone();
    let r: SyncGroupResponse = c.call(
        14,
        3,
        &SyncGroupRequest::default()
            .with_group_id(GroupId(sb("cg")))
            .with_generation_id(1)
            .with_member_id(me.clone())
            .with_assignments(vec![
                sync_group_request::SyncGroupRequestAssignment::default()
                    .with_member_id(me.clone())
                    .with_assignment(Bytes::from_static(b"asg")),
            ]),
    );
    assert_eq!(
        (r.error_code, r.assignment),
        (0, Bytes::from_static(b"asg"))
    );
    let hb = |c: &mut Client, generation: i32| -> i16 {
        let r: HeartbeatResponse = c.call(
            12,
            3,
            &HeartbeatRequest::default()
                .with_group_id(GroupId(sb("cg")))
                .with_generation_id(generation)
                .with_member_id(me.clone()),
        );
        r.error_code
    };
    assert_eq!(hb(&mut c, 1), 0);
    assert_eq!(hb(&mut c, 7), 22);
    let r: DescribeGroupsResponse = c.call(
        15,
        4,
        &DescribeGroupsRequest::default().with_groups(vec![GroupId(sb("cg"))]),
    );
    assert_eq!(r.groups[0].group_state.as_str(), "Stable");
    assert_eq!(
        r.groups[0].members[0].member_assignment,
        Bytes::from_static(b"asg")
    );
    let r: ListGroupsResponse = c.call(16, 4, &ListGroupsRequest::default());
    assert_eq!(r.groups.len(), 1);
    let r: LeaveGroupResponse = c.call(
        13,
        1,
        &LeaveGroupRequest::default()
            .with_group_id(GroupId(sb("cg")))
            .with_member_id(me.clone()),
    );
    assert_eq!(r.error_code, 0);
    assert_eq!(hb(&mut c, 1), 25, "UNKNOWN_MEMBER_ID after leaving");
}

#[test]
fn consumer_group_heartbeat_assigns_partitions() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("k848", 4, 1).unwrap();
    let mut c = to_broker(&mc, 1);
    let hb = |c: &mut Client,
              member: &str,
              epoch: i32,
              subscribe: bool|
     -> ConsumerGroupHeartbeatResponse {
        let mut req = ConsumerGroupHeartbeatRequest::default()
            .with_group_id(GroupId(sb("g848")))
            .with_member_id(sb(member))
            .with_member_epoch(epoch)
            .with_rebalance_timeout_ms(30000);
        if subscribe {
            req = req
                .with_subscribed_topic_names(Some(vec![TopicName(sb("k848"))]))
                .with_topic_partitions(Some(vec![]));
        }
        c.call(68, 1, &req)
    };
    let r = hb(&mut c, "m1", 0, true);
    assert_eq!(r.error_code, 0);
    assert!(r.member_epoch > 0);
    let a = r.assignment.unwrap();
    assert_eq!(a.topic_partitions[0].partitions.len(), 4);
    assert_eq!(
        r.member_id.as_deref().map(|s| s.to_string()),
        Some("m1".into())
    );
    assert_eq!(
        hb(&mut c, "m1", r.member_epoch + 5, false).error_code,
        110,
        "FENCED_MEMBER_EPOCH"
    );
    let r2 = hb(&mut c, "m2", 0, true);
    assert_eq!(r2.error_code, 0);
    assert_eq!(
        r2.assignment
            .unwrap()
            .topic_partitions
            .iter()
            .map(|t| t.partitions.len())
            .sum::<usize>(),
        0,
        "waits for m1 to release"
    );
}

#[test]
fn sasl_scram_and_plain() {
    use openssl::hash::{MessageDigest, hash};
    let mc = MockCluster::new(1).unwrap();
    let mut users = std::collections::HashMap::new();
    users.insert("alice".to_string(), "pw".to_string());
    mc.set_sasl(Some(SaslSettings {
        mechanisms: vec![
            "PLAIN".into(),
            "SCRAM-SHA-256".into(),
            "SCRAM-SHA-512".into(),
        ],
        users,
    }));
    // Unauthenticated requests make the broker hang up.
    let mut c = to_broker(&mc, 1);
    assert!(
        c.try_call::<_, MetadataResponse>(3, 4, &MetadataRequest::default())
            .is_none()
    );

    // PLAIN.
    let mut c = to_broker(&mc, 1);
    let r: SaslHandshakeResponse = c.call(
        17,
        1,
        &SaslHandshakeRequest::default().with_mechanism(sb("GSSAPI")),
    );
    assert_eq!(r.error_code, 33);
    assert_eq!(r.mechanisms.len(), 3);
    let r: SaslHandshakeResponse = c.call(
        17,
        1,
        &SaslHandshakeRequest::default().with_mechanism(sb("PLAIN")),
    );
    assert_eq!(r.error_code, 0);
    let r: SaslAuthenticateResponse = c.call(
        36,
        1,
        &SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from_static(b"\0alice\0nope")),
    );
    assert_eq!(r.error_code, 58);
    let mut c = to_broker(&mc, 1);
    let _: SaslHandshakeResponse = c.call(
        17,
        1,
        &SaslHandshakeRequest::default().with_mechanism(sb("PLAIN")),
    );
    let r: SaslAuthenticateResponse = c.call(
        36,
        1,
        &SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from_static(b"\0alice\0pw")),
    );
    assert_eq!(r.error_code, 0);
    let _: MetadataResponse = c.call(3, 4, &MetadataRequest::default());

    // SCRAM-SHA-512, client side written here from RFC 5802.
    let md = MessageDigest::sha512();
    let hmac = |k: &[u8], d: &[u8]| {
        let key = openssl::pkey::PKey::hmac(k).unwrap();
        let mut s = openssl::sign::Signer::new(md, &key).unwrap();
        s.update(d).unwrap();
        s.sign_to_vec().unwrap()
    };
    let b64 = ferrokafka::mock::state::base64_encode;
    let unb64 = |s: &str| ferrokafka::mock::state::base64_decode(s).unwrap();
    let mut c = to_broker(&mc, 1);
    let _: SaslHandshakeResponse = c.call(
        17,
        1,
        &SaslHandshakeRequest::default().with_mechanism(sb("SCRAM-SHA-512")),
    );
    let first_bare = "n=alice,r=abcdefghijkl";
    let r: SaslAuthenticateResponse = c.call(
        36,
        1,
        &SaslAuthenticateRequest::default()
            .with_auth_bytes(Bytes::from(format!("n,,{first_bare}"))),
    );
    assert_eq!(r.error_code, 0);
    let sf = String::from_utf8(r.auth_bytes.to_vec()).unwrap();
    let field = |k: &str| {
        sf.split(',')
            .find_map(|x| x.strip_prefix(k))
            .unwrap()
            .to_string()
    };
    let (nonce, salt, iters) = (
        field("r="),
        unb64(&field("s=")),
        field("i=").parse::<usize>().unwrap(),
    );
    assert!(nonce.starts_with("abcdefghijkl"));
    let mut salted = vec![0u8; 64];
    openssl::pkcs5::pbkdf2_hmac(b"pw", &salt, iters, md, &mut salted).unwrap();
    let without_proof = format!("c=biws,r={nonce}");
    let auth = format!("{first_bare},{sf},{without_proof}");
    let ck = hmac(&salted, b"Client Key");
    let sig = hmac(&hash(md, &ck).unwrap(), auth.as_bytes());
    let proof: Vec<u8> = ck.iter().zip(&sig).map(|(a, b)| a ^ b).collect();
    let r: SaslAuthenticateResponse = c.call(
        36,
        1,
        &SaslAuthenticateRequest::default()
            .with_auth_bytes(Bytes::from(format!("{without_proof},p={}", b64(&proof)))),
    );
    assert_eq!(r.error_code, 0, "{:?}", r.error_message);
    let sk = hmac(&salted, b"Server Key");
    assert_eq!(
        String::from_utf8(r.auth_bytes.to_vec()).unwrap(),
        format!("v={}", b64(&hmac(&sk, auth.as_bytes())))
    );
    let md: MetadataResponse = c.call(3, 4, &MetadataRequest::default());
    assert_eq!(md.brokers.len(), 1);
}

#[test]
fn admin_requests() {
    let mc = MockCluster::new(3).unwrap();
    let mut c = to_broker(&mc, 2);
    let ct = |c: &mut Client, name: &str, parts: i32, rf: i16| -> i16 {
        let r: CreateTopicsResponse = c.call(
            19,
            5,
            &CreateTopicsRequest::default()
                .with_timeout_ms(1000)
                .with_topics(vec![
                    create_topics_request::CreatableTopic::default()
                        .with_name(TopicName(sb(name)))
                        .with_num_partitions(parts)
                        .with_replication_factor(rf)
                        .with_configs(vec![
                            create_topics_request::CreatableTopicConfig::default()
                                .with_name(sb("retention.ms"))
                                .with_value(Some(sb("1000"))),
                        ]),
                ]),
        );
        r.topics[0].error_code
    };
    assert_eq!(ct(&mut c, "adm", 3, 2), 0);
    assert_eq!(ct(&mut c, "adm", 3, 2), 36, "TOPIC_ALREADY_EXISTS");
    assert_eq!(ct(&mut c, "big", 1, 5), 38, "INVALID_REPLICATION_FACTOR");
    assert_eq!(ct(&mut c, "dflt", -1, -1), 0);
    let r: DescribeConfigsResponse = c.call(
        32,
        1,
        &DescribeConfigsRequest::default().with_resources(vec![
            describe_configs_request::DescribeConfigsResource::default()
                .with_resource_type(2)
                .with_resource_name(sb("adm")),
        ]),
    );
    let rm = r.results[0]
        .configs
        .iter()
        .find(|x| x.name.as_str() == "retention.ms")
        .unwrap();
    assert_eq!(
        rm.value.as_deref().map(|s| s.to_string()),
        Some("1000".into())
    );
    let r: CreatePartitionsResponse = c.call(
        37,
        1,
        &CreatePartitionsRequest::default().with_topics(vec![
            create_partitions_request::CreatePartitionsTopic::default()
                .with_name(TopicName(sb("adm")))
                .with_count(5),
        ]),
    );
    assert_eq!(r.results[0].error_code, 0);
    let md = metadata(&mut c, &["adm", "dflt"]);
    assert_eq!(md.topics[0].partitions.len(), 5);
    assert_eq!(md.topics[1].partitions.len(), 4);
    let r: DeleteTopicsResponse = c.call(
        20,
        4,
        &DeleteTopicsRequest::default()
            .with_topic_names(vec![TopicName(sb("adm")), TopicName(sb("nope"))]),
    );
    assert_eq!(
        (r.responses[0].error_code, r.responses[1].error_code),
        (0, 3)
    );
    let r: DescribeClusterResponse = c.call(60, 0, &DescribeClusterRequest::default());
    assert_eq!(r.brokers.len(), 3);
    assert_eq!(r.controller_id.0, 1);
    // No auto-creation when disabled.
    mc.set_auto_create_topics(false);
    let md = metadata(&mut c, &["never"]);
    assert_eq!(md.topics[0].error_code, 3);
}
