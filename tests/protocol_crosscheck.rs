//! The hand-written Produce request encoder and Fetch response decoder,
//! checked against the generated kafka-protocol codecs (an independent
//! implementation of the same schemas) for every version both support.

use bytes::{Buf, Bytes};
use ferrokafka::protocol::messages::{
    BrokerId, FetchResponse as KpFetchResponse, ProduceRequest, ProducerId, TopicName,
    TransactionalId, fetch_response, produce_request,
};
use ferrokafka::protocol::*;

fn batch(n: usize, codec: Compression) -> Bytes {
    let mut b = RecordBatchBuilder::new(BatchOptions {
        compression: codec,
        ..Default::default()
    });
    for i in 0..n {
        b.append(
            1000 + i as i64,
            Some(format!("k{i}").as_bytes()),
            Some(&vec![b'x'; 100 + i]),
            [],
        );
    }
    b.finish().unwrap()
}

fn uuid(b: u8) -> [u8; 16] {
    let mut u = [0u8; 16];
    for (i, x) in u.iter_mut().enumerate() {
        *x = b.wrapping_add(i as u8);
    }
    u
}

#[test]
fn produce_request_matches_kafka_protocol_for_v3_to_v13() {
    let big = batch(20, Compression::None); // > copy threshold: own chunk
    let small = batch(1, Compression::Lz4);
    for version in 3..=13i16 {
        let txn = if version >= 3 { Some("txn-1") } else { None };
        let topics = vec![
            ProduceTopic {
                name: "topic-a",
                topic_id: uuid(1),
                partitions: vec![
                    ProducePartition {
                        partition: 0,
                        records: Some(big.clone()),
                    },
                    ProducePartition {
                        partition: 3,
                        records: Some(small.clone()),
                    },
                ],
            },
            ProduceTopic {
                name: "b",
                topic_id: uuid(100),
                partitions: vec![ProducePartition {
                    partition: 7,
                    records: None,
                }],
            },
        ];
        let ours =
            encode_produce_request(version, 77, Some("client"), txn, -1, 30_000, &topics).unwrap();
        assert_eq!(ours.len(), ours.remaining());
        let ours_bytes = ours.to_bytes();
        assert!(
            ours.chunks().count() >= 3,
            "the big batch is sent as its own chunk"
        );
        assert!(
            ours.chunks().any(|c| c.as_ptr() == big.as_ptr()),
            "zero copy of the big batch"
        );

        // The same request through kafka-protocol.
        let kp = ProduceRequest::default()
            .with_transactional_id(
                txn.map(|t| TransactionalId(StrBytes::from_string(t.to_string()))),
            )
            .with_acks(-1)
            .with_timeout_ms(30_000)
            .with_topic_data(
                topics
                    .iter()
                    .map(|t| {
                        produce_request::TopicProduceData::default()
                            .with_name(TopicName(StrBytes::from_string(t.name.to_string())))
                            .with_topic_id(uuid::Uuid::from_bytes(t.topic_id))
                            .with_partition_data(
                                t.partitions
                                    .iter()
                                    .map(|p| {
                                        produce_request::PartitionProduceData::default()
                                            .with_index(p.partition)
                                            .with_records(p.records.clone())
                                    })
                                    .collect(),
                            )
                    })
                    .collect(),
            );
        let theirs = encode_request(keys::PRODUCE, version, 77, Some("client"), &kp).unwrap();
        assert_eq!(&ours_bytes[..], &theirs[..], "Produce v{version}");

        // And decoded back by kafka-protocol's broker side.
        let mut frame = ours_bytes.slice(4..);
        let h = decode_request_header(&mut frame).unwrap();
        assert_eq!(
            (h.api_key, h.api_version, h.correlation_id),
            (0, version, 77)
        );
        let decoded: ProduceRequest = decode_request_body(version, &mut frame).unwrap();
        assert!(frame.is_empty());
        assert_eq!(
            decoded.topic_data[0].partition_data[0]
                .records
                .as_ref()
                .unwrap(),
            &big
        );
    }
}

#[test]
fn produce_request_old_versions_and_partial_writes() {
    let b = batch(3, Compression::None);
    let topics = [ProduceTopic {
        name: "t",
        topic_id: [0; 16],
        partitions: vec![ProducePartition {
            partition: 1,
            records: Some(b.clone()),
        }],
    }];
    // v2: no transactional id.
    let req = encode_produce_request(2, 5, Some("c"), None, 1, 1500, &topics)
        .unwrap()
        .to_bytes();
    let mut want = vec![
        0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 5, 0, 1, b'c', 0, 1, 0, 0, 5, 0xdc, 0, 0, 0, 1, 0, 1,
        b't', 0, 0, 0, 1, 0, 0, 0, 1,
    ];
    want.extend_from_slice(&(b.len() as i32).to_be_bytes());
    want.extend_from_slice(&b);
    let size = (want.len() - 4) as i32;
    want[..4].copy_from_slice(&size.to_be_bytes());
    assert_eq!(&req[..], &want[..]);
    assert!(encode_produce_request(2, 5, None, Some("x"), 1, 1, &topics).is_err());
    assert!(encode_produce_request(14, 5, None, None, 1, 1, &topics).is_err());

    // Writing through Buf in odd-sized pieces reproduces the frame.
    let big = batch(30, Compression::None);
    let topics = [ProduceTopic {
        name: "t",
        topic_id: [0; 16],
        partitions: vec![ProducePartition {
            partition: 1,
            records: Some(big),
        }],
    }];
    let mut req = encode_produce_request(9, 5, None, None, -1, 1, &topics).unwrap();
    let whole = req.to_bytes();
    let mut sent = Vec::new();
    while req.has_remaining() {
        let mut slices = [std::io::IoSlice::new(&[]); 4];
        let n = req.chunks_vectored(&mut slices);
        assert!(n > 0);
        let take = slices[0].len().min(37);
        sent.extend_from_slice(&slices[0][..take]);
        req.advance(take);
    }
    assert_eq!(sent, &whole[..]);
}

fn kp_fetch_response(version: i16, records: &[Bytes]) -> KpFetchResponse {
    let partitions: Vec<fetch_response::PartitionData> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut p = fetch_response::PartitionData::default()
                .with_partition_index(i as i32)
                .with_error_code(if i == 1 { 1 } else { 0 })
                .with_high_watermark(1000 + i as i64)
                .with_last_stable_offset(900 + i as i64)
                .with_log_start_offset(if version >= 5 { 10 } else { -1 })
                .with_aborted_transactions(Some(vec![
                    fetch_response::AbortedTransaction::default()
                        .with_producer_id(ProducerId(55))
                        .with_first_offset(66),
                ]))
                .with_preferred_read_replica(BrokerId(if version >= 11 { 3 } else { -1 }))
                .with_records(Some(r.clone()));
            if version >= 12 && i == 0 {
                p = p
                    .with_diverging_epoch(
                        fetch_response::EpochEndOffset::default()
                            .with_epoch(4)
                            .with_end_offset(444),
                    )
                    .with_current_leader(
                        fetch_response::LeaderIdAndEpoch::default()
                            .with_leader_id(BrokerId(2))
                            .with_leader_epoch(9),
                    )
                    .with_snapshot_id(
                        fetch_response::SnapshotId::default()
                            .with_end_offset(12)
                            .with_epoch(1),
                    );
            }
            p
        })
        .collect();
    let mut resp = KpFetchResponse::default()
        .with_throttle_time_ms(25)
        .with_session_id(if version >= 7 { 1234 } else { 0 })
        .with_responses(vec![
            fetch_response::FetchableTopicResponse::default()
                .with_topic(TopicName(StrBytes::from_static_str("fetched")))
                .with_topic_id(uuid::Uuid::from_bytes(uuid(7)))
                .with_partitions(partitions),
        ]);
    if version >= 16 {
        resp = resp.with_node_endpoints(vec![
            fetch_response::NodeEndpoint::default()
                .with_node_id(BrokerId(2))
                .with_host(StrBytes::from_static_str("b2.example"))
                .with_port(9093)
                .with_rack(Some(StrBytes::from_static_str("r1"))),
        ]);
    }
    resp
}

#[test]
fn fetch_response_decoder_matches_kafka_protocol_for_v4_to_v18() {
    let recs = [batch(5, Compression::Zstd), batch(2, Compression::None)];
    for version in 4..=18i16 {
        let kp = kp_fetch_response(version, &recs);
        let wire = encode_response(keys::FETCH, version, 31, &kp).unwrap();
        let mut frames = FrameReader::new(1 << 24);
        frames.extend_from_slice(&wire);
        let mut frame = frames.next_frame().unwrap().unwrap();
        let h = decode_response_header(keys::FETCH, version, &mut frame).unwrap();
        assert_eq!(h.correlation_id, 31);
        let ours = decode_fetch_response(version, &frame).unwrap();

        assert_eq!(ours.throttle_time_ms, 25);
        assert_eq!(ours.session_id, if version >= 7 { 1234 } else { 0 });
        assert_eq!(ours.topics.len(), 1);
        let t = &ours.topics[0];
        if version >= 13 {
            assert_eq!(t.topic_id, uuid(7));
            assert_eq!(t.name, "");
        } else {
            assert_eq!(t.name, "fetched");
        }
        assert_eq!(t.partitions.len(), 2);
        for (i, p) in t.partitions.iter().enumerate() {
            assert_eq!(p.partition_index, i as i32);
            assert_eq!(p.error_code, if i == 1 { 1 } else { 0 });
            assert_eq!(p.high_watermark, 1000 + i as i64);
            assert_eq!(p.last_stable_offset, 900 + i as i64);
            assert_eq!(p.log_start_offset, if version >= 5 { 10 } else { -1 });
            assert_eq!(
                p.aborted_transactions,
                vec![AbortedTransaction {
                    producer_id: 55,
                    first_offset: 66
                }]
            );
            assert_eq!(p.preferred_read_replica, if version >= 11 { 3 } else { -1 });
            let rec = p.records.as_ref().unwrap();
            assert_eq!(rec, &recs[i]);
            // Zero copy: the records live inside the received frame.
            let (fs, fl) = (frame.as_ptr() as usize, frame.len());
            assert!(rec.as_ptr() as usize >= fs && rec.as_ptr() as usize + rec.len() <= fs + fl);
            let n: usize = p
                .record_set(DecodeOptions {
                    check_crcs: true,
                    ..Default::default()
                })
                .map(|b| {
                    b.unwrap()
                        .records(&DecodeOptions::default())
                        .unwrap()
                        .count()
                })
                .sum();
            assert_eq!(n, if i == 0 { 5 } else { 2 });
        }
        let p0 = &t.partitions[0];
        if version >= 12 {
            assert_eq!(
                p0.diverging_epoch,
                Some(EpochEndOffset {
                    epoch: 4,
                    end_offset: 444
                })
            );
            assert_eq!(
                p0.current_leader,
                Some(LeaderIdAndEpoch {
                    leader_id: 2,
                    leader_epoch: 9
                })
            );
            assert_eq!(
                p0.snapshot_id,
                Some(SnapshotId {
                    end_offset: 12,
                    epoch: 1
                })
            );
        } else {
            assert_eq!(p0.diverging_epoch, None);
        }
        if version >= 16 {
            assert_eq!(
                ours.node_endpoints,
                vec![NodeEndpoint {
                    node_id: 2,
                    host: "b2.example".into(),
                    port: 9093,
                    rack: Some("r1".into())
                }]
            );
        }

        // Our encoder produces the same bytes as kafka-protocol's.
        let mine = encode_fetch_response(version, &ours).unwrap();
        assert_eq!(&mine[..], &frame[..], "Fetch v{version} encoding");
    }
}

#[test]
fn fetch_response_v0_to_v3_round_trip_and_hand_bytes() {
    let rec = batch(1, Compression::None);
    // v0 by hand: [topic [partition error hw records]]
    let mut body = vec![0, 0, 0, 1, 0, 1, b't', 0, 0, 0, 1, 0, 0, 0, 2, 0, 0];
    body.extend_from_slice(&77i64.to_be_bytes());
    body.extend_from_slice(&(rec.len() as i32).to_be_bytes());
    body.extend_from_slice(&rec);
    let body = Bytes::from(body);
    let r = decode_fetch_response(0, &body).unwrap();
    assert_eq!(r.topics[0].name, "t");
    let p = &r.topics[0].partitions[0];
    assert_eq!(
        (p.partition_index, p.high_watermark, p.last_stable_offset),
        (2, 77, -1)
    );
    assert_eq!(p.records.as_ref().unwrap(), &rec);
    assert_eq!(&encode_fetch_response(0, &r).unwrap()[..], &body[..]);
    for v in 0..=3 {
        let enc = encode_fetch_response(v, &r).unwrap().freeze();
        let dec = decode_fetch_response(v, &enc).unwrap();
        assert_eq!(dec.topics, r.topics, "v{v}");
    }
    // Truncation anywhere is an error, never a panic.
    for cut in 0..body.len() {
        let _ = decode_fetch_response(0, &body.slice(..cut));
    }
    assert!(decode_fetch_response(0, &body.slice(..body.len() - 1)).is_err());
    assert!(decode_fetch_response(19, &body).is_err());
}

#[test]
fn produce_response_via_kafka_protocol() {
    use ferrokafka::protocol::messages::{ProduceResponse, produce_response};
    for version in 3..=13i16 {
        let resp = ProduceResponse::default().with_responses(vec![
            produce_response::TopicProduceResponse::default()
                .with_name(TopicName(StrBytes::from_static_str("t")))
                .with_partition_responses(vec![
                    produce_response::PartitionProduceResponse::default()
                        .with_index(4)
                        .with_base_offset(1234),
                ]),
        ]);
        let wire = encode_response(keys::PRODUCE, version, 8, &resp).unwrap();
        let frame = Bytes::copy_from_slice(&wire[4..]);
        let (h, got): (ResponseHeader, ProduceResponse) =
            decode_response(keys::PRODUCE, version, frame).unwrap();
        assert_eq!(h.correlation_id, 8);
        assert_eq!(got.responses[0].partition_responses[0].base_offset, 1234);
    }
}

#[test]
fn produce_response_decoder_matches_kafka_protocol_for_v3_to_v13() {
    use ferrokafka::protocol::messages::{
        ProduceResponse as KpProduceResponse, produce_response as pr,
    };
    for version in 3..=13i16 {
        let mut part = pr::PartitionProduceResponse::default()
            .with_index(4)
            .with_error_code(if version >= 8 { 87 } else { 0 })
            .with_base_offset(1234)
            .with_log_append_time_ms(99)
            .with_log_start_offset(5);
        if version >= 8 {
            part = part
                .with_record_errors(vec![
                    pr::BatchIndexAndErrorMessage::default()
                        .with_batch_index(2)
                        .with_batch_index_error_message(Some(StrBytes::from_static_str(
                            "bad record",
                        ))),
                ])
                .with_error_message(Some(StrBytes::from_static_str("one bad record")));
        }
        if version >= 10 {
            part = part.with_current_leader(
                pr::LeaderIdAndEpoch::default()
                    .with_leader_id(BrokerId(6))
                    .with_leader_epoch(3),
            );
        }
        let mut kp = KpProduceResponse::default()
            .with_responses(vec![
                pr::TopicProduceResponse::default()
                    .with_name(TopicName(StrBytes::from_static_str("t")))
                    .with_topic_id(uuid::Uuid::from_bytes(uuid(9)))
                    .with_partition_responses(vec![
                        part,
                        pr::PartitionProduceResponse::default().with_index(5),
                    ]),
            ])
            .with_throttle_time_ms(7);
        if version >= 10 {
            kp = kp.with_node_endpoints(vec![
                pr::NodeEndpoint::default()
                    .with_node_id(BrokerId(6))
                    .with_host(StrBytes::from_static_str("h6"))
                    .with_port(9096),
            ]);
        }
        let wire = encode_response(keys::PRODUCE, version, 8, &kp).unwrap();
        let mut frame = Bytes::copy_from_slice(&wire[4..]);
        assert_eq!(
            decode_response_header(keys::PRODUCE, version, &mut frame)
                .unwrap()
                .correlation_id,
            8
        );
        let ours = decode_produce_response(version, &frame).unwrap();
        assert_eq!(ours.throttle_time_ms, 7);
        let t = &ours.topics[0];
        if version >= 13 {
            assert_eq!(t.topic_id, uuid(9));
        } else {
            assert_eq!(t.name, "t");
        }
        let p = &t.partitions[0];
        assert_eq!(
            (p.partition_index, p.base_offset, p.log_append_time_ms),
            (4, 1234, 99)
        );
        assert_eq!(p.log_start_offset, if version >= 5 { 5 } else { -1 });
        if version >= 8 {
            assert_eq!(p.error_code, 87);
            assert_eq!(
                p.record_errors,
                vec![BatchIndexError {
                    batch_index: 2,
                    message: Some("bad record".into())
                }]
            );
            assert_eq!(p.error_message.as_deref(), Some("one bad record"));
        }
        if version >= 10 {
            assert_eq!(
                p.current_leader,
                Some(LeaderIdAndEpoch {
                    leader_id: 6,
                    leader_epoch: 3
                })
            );
            assert_eq!(
                ours.node_endpoints,
                vec![NodeEndpoint {
                    node_id: 6,
                    host: "h6".into(),
                    port: 9096,
                    rack: None
                }]
            );
        } else {
            assert_eq!(p.current_leader, None);
        }
        assert_eq!(t.partitions[1].partition_index, 5);
        // Our encoder gives the same bytes.
        assert_eq!(
            &encode_produce_response(version, &ours).unwrap()[..],
            &frame[..],
            "Produce response v{version}"
        );
    }
}

#[test]
fn produce_response_v0_to_v2_hand_bytes() {
    #[rustfmt::skip]
    let v0: Vec<u8> = vec![
        0, 0, 0, 1,                 // 1 topic
        0, 1, b't',
        0, 0, 0, 1,                 // 1 partition
        0, 0, 0, 3,                 // partition 3
        0, 0,                       // no error
        0, 0, 0, 0, 0, 0, 0, 42,    // base offset
    ];
    let r = decode_produce_response(0, &v0).unwrap();
    assert_eq!(r.topics[0].partitions[0].base_offset, 42);
    assert_eq!(r.throttle_time_ms, 0);
    let mut v1 = v0.clone();
    v1.extend_from_slice(&[0, 0, 0, 100]);
    assert_eq!(
        decode_produce_response(1, &v1).unwrap().throttle_time_ms,
        100
    );
    let mut v2 = v0.clone();
    v2.extend_from_slice(&77i64.to_be_bytes());
    v2.extend_from_slice(&[0, 0, 0, 100]);
    let r2 = decode_produce_response(2, &v2).unwrap();
    assert_eq!(r2.topics[0].partitions[0].log_append_time_ms, 77);
    assert_eq!(&encode_produce_response(2, &r2).unwrap()[..], &v2[..]);
    assert!(decode_produce_response(1, &v0).is_err());
}
