//! Protocol codecs checked against byte vectors assembled by hand from the
//! Kafka protocol specification (not produced by the code under test).

use bytes::Bytes;
use ferrokafka::protocol::messages::{
    ApiVersionsResponse, MetadataRequest, TopicName, api_versions_request::ApiVersionsRequest,
    metadata_request::MetadataRequestTopic,
};
use ferrokafka::protocol::*;

/// Bitwise CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), written
/// from the definition as an independent reference.
fn ref_crc32c(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0x82F6_3B78
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Bitwise CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320).
fn ref_crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn reference_crcs_match_published_check_values() {
    assert_eq!(ref_crc32c(b"123456789"), 0xE306_9283);
    assert_eq!(crc32c::crc32c(b"123456789"), 0xE306_9283);
    assert_eq!(ref_crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32fast::hash(b"123456789"), 0xCBF4_3926);
}

fn be32(v: i32) -> [u8; 4] {
    v.to_be_bytes()
}

// ---------------------------------------------------------------- headers

#[test]
fn metadata_v4_request_uses_header_v1() {
    let req = MetadataRequest::default()
        .with_topics(Some(vec![
            MetadataRequestTopic::default()
                .with_name(Some(TopicName(StrBytes::from_static_str("abc")))),
        ]))
        .with_allow_auto_topic_creation(true);
    let got = encode_request(3, 4, 0x0102_0304, Some("cli"), &req).unwrap();
    #[rustfmt::skip]
    let want: Vec<u8> = vec![
        0, 0, 0, 23,            // size: 13 header + 10 body
        0, 3,                   // api key: Metadata
        0, 4,                   // api version 4
        1, 2, 3, 4,             // correlation id
        0, 3, b'c', b'l', b'i', // client id (INT16 length)
        // body
        0, 0, 0, 1,             // topics: 1
        0, 3, b'a', b'b', b'c', //   name
        1,                      // allow_auto_topic_creation
    ];
    assert_eq!(&got[..], &want[..]);
    assert_eq!(request_header_version(3, 4).unwrap(), 1);
}

#[test]
fn null_client_id_in_header_v1() {
    let req = MetadataRequest::default()
        .with_topics(Some(vec![]))
        .with_allow_auto_topic_creation(false);
    let got = encode_request(3, 4, 7, None, &req).unwrap();
    assert_eq!(
        &got[..],
        &[
            0, 0, 0, 15, 0, 3, 0, 4, 0, 0, 0, 7, 0xff, 0xff, 0, 0, 0, 0, 0
        ][..]
    );
}

#[test]
fn metadata_v12_request_uses_header_v2_and_compact_body() {
    let req = MetadataRequest::default()
        .with_topics(Some(vec![
            MetadataRequestTopic::default()
                .with_name(Some(TopicName(StrBytes::from_static_str("abc")))),
        ]))
        .with_allow_auto_topic_creation(true)
        .with_include_topic_authorized_operations(false);
    let got = encode_request(3, 12, 5, Some("rdkafka"), &req).unwrap();
    let mut want: Vec<u8> = vec![];
    let header: &[u8] = &[
        0, 3, 0, 12, 0, 0, 0, 5, 0, 7, b'r', b'd', b'k', b'a', b'f', b'k', b'a', 0,
    ];
    let body: Vec<u8> = [
        &[2u8][..],                 // compact array: 1 topic
        &[0u8; 16][..],             // topic id (zero uuid)
        &[4, b'a', b'b', b'c'][..], // compact nullable name
        &[0][..],                   // topic tagged fields
        &[1][..],                   // allow_auto_topic_creation
        &[0][..],                   // include_topic_authorized_operations
        &[0][..],                   // body tagged fields
    ]
    .concat();
    want.extend_from_slice(&be32((header.len() + body.len()) as i32));
    want.extend_from_slice(header);
    want.extend_from_slice(&body);
    assert_eq!(&got[..], &want[..]);
    assert_eq!(request_header_version(3, 12).unwrap(), 2);
    assert_eq!(response_header_version(3, 12).unwrap(), 1);
    assert_eq!(response_header_version(3, 8).unwrap(), 0);
}

#[test]
fn api_versions_v3_request_bytes() {
    let req = ApiVersionsRequest::default()
        .with_client_software_name(StrBytes::from_static_str("ferrokafka"))
        .with_client_software_version(StrBytes::from_static_str("1.0"));
    let got = encode_request(18, 3, 1, Some("c"), &req).unwrap();
    #[rustfmt::skip]
    let want: Vec<u8> = vec![
        0, 0, 0, 28,                 // size: 12 header + 16 body
        0, 18, 0, 3, 0, 0, 0, 1,     // key 18, version 3, correlation id 1
        0, 1, b'c',                  // client id, still INT16 length in header v2
        0,                           // header tagged fields
        11, b'f', b'e', b'r', b'r', b'o', b'k', b'a', b'f', b'k', b'a', // compact string (len+1)
        4, b'1', b'.', b'0',
        0,                           // body tagged fields
    ];
    assert_eq!(&got[..], &want[..]);
    assert_eq!(got.len(), 4 + 28);
    // ApiVersions v0 has an empty body and header v1.
    let got = encode_request(18, 0, 2, Some("c"), &ApiVersionsRequest::default()).unwrap();
    assert_eq!(
        &got[..],
        &[0, 0, 0, 11, 0, 18, 0, 0, 0, 0, 0, 2, 0, 1, b'c'][..]
    );
}

#[test]
fn unsupported_versions_and_keys_are_refused() {
    let req = ApiVersionsRequest::default();
    assert!(matches!(
        encode_request(18, 99, 1, None, &req),
        Err(ProtocolError::UnsupportedVersion { .. })
    ));
    assert!(matches!(
        request_header_version(7777, 0),
        Err(ProtocolError::UnknownApiKey(7777))
    ));
}

#[test]
fn hand_assembled_api_versions_v0_response() {
    #[rustfmt::skip]
    let body: Vec<u8> = vec![
        0, 0, 0, 9,          // correlation id 9 (header v0)
        0, 0,                // error code
        0, 0, 0, 2,          // api_keys: 2 entries
        0, 0, 0, 0, 0, 7,    //   Produce 0..7
        0, 18, 0, 0, 0, 2,   //   ApiVersions 0..2
    ];
    let mut frames = FrameReader::new(1 << 20);
    frames.extend_from_slice(&frame_of(&body));
    let frame = frames.next_frame().unwrap().unwrap();
    assert_eq!(peek_correlation_id(&frame).unwrap(), 9);
    let (h, resp): (ResponseHeader, ApiVersionsResponse) =
        decode_response(18, 0, frame.clone()).unwrap();
    assert_eq!(h.correlation_id, 9);
    assert_eq!(resp.error_code, 0);
    let keys: Vec<(i16, i16, i16)> = resp
        .api_keys
        .iter()
        .map(|k| (k.api_key, k.min_version, k.max_version))
        .collect();
    assert_eq!(keys, vec![(0, 0, 7), (18, 0, 2)]);
    let (_, resp2, v) = decode_api_versions_response(0, frame).unwrap();
    assert_eq!(v, 0);
    assert_eq!(resp2, resp);
}

#[test]
fn api_versions_v3_response_has_header_v0_and_falls_back_to_v0_on_error_35() {
    // A v3 response: flexible body, but still a v0 header (no tagged fields
    // after the correlation id).
    #[rustfmt::skip]
    let body: Vec<u8> = vec![
        0, 0, 0, 4,          // correlation id
        0, 0,                // error code
        2,                   // compact array: 1 entry
        0, 3, 0, 0, 0, 12, 0,//   Metadata 0..12, tagged fields
        0, 0, 0, 0,          // throttle time
        0,                   // tagged fields
    ];
    let (h, resp, v) = decode_api_versions_response(3, Bytes::from(body)).unwrap();
    assert_eq!((h.correlation_id, v), (4, 3));
    assert_eq!(resp.api_keys.len(), 1);
    assert_eq!(resp.api_keys[0].max_version, 12);

    // A broker that does not know v3 answers UNSUPPORTED_VERSION in v0 form.
    #[rustfmt::skip]
    let body: Vec<u8> = vec![
        0, 0, 0, 5,
        0, 35,               // UNSUPPORTED_VERSION
        0, 0, 0, 1, 0, 18, 0, 0, 0, 2,
    ];
    let (_, resp, v) = decode_api_versions_response(3, Bytes::from(body)).unwrap();
    assert_eq!(v, 0);
    assert_eq!(resp.error_code, 35);
    assert_eq!(resp.api_keys[0].max_version, 2);
}

#[test]
fn response_header_v1_skips_tagged_fields() {
    // Metadata v12 response header v1: correlation id, then one tagged field
    // (tag 5, 2 bytes) that must be skipped.
    let mut frame = Bytes::from_static(&[0, 0, 0, 77, 1, 5, 2, 0xaa, 0xbb, 0x42]);
    let h = decode_response_header(3, 12, &mut frame).unwrap();
    assert_eq!(h.correlation_id, 77);
    assert_eq!(&frame[..], &[0x42]);
    let mut frame = Bytes::from_static(&[0, 0, 0, 77, 0x42]);
    decode_response_header(3, 8, &mut frame).unwrap();
    assert_eq!(&frame[..], &[0x42]);
    // Truncated header.
    let mut frame = Bytes::from_static(&[0, 0, 0, 77, 1, 5, 9, 0]);
    assert!(decode_response_header(3, 12, &mut frame).is_err());
}

#[test]
fn request_header_round_trip_broker_side() {
    let req = MetadataRequest::default();
    let wire = encode_request(3, 12, 99, Some("x"), &req).unwrap();
    let mut frame = Bytes::copy_from_slice(&wire[4..]);
    let h = decode_request_header(&mut frame).unwrap();
    assert_eq!(
        (
            h.api_key,
            h.api_version,
            h.correlation_id,
            h.client_id.as_deref(),
            h.header_version
        ),
        (3, 12, 99, Some("x"), 2)
    );
    let body: MetadataRequest = decode_request_body(12, &mut frame).unwrap();
    assert_eq!(body, req);
}

fn frame_of(body: &[u8]) -> Vec<u8> {
    let mut v = be32(body.len() as i32).to_vec();
    v.extend_from_slice(body);
    v
}

// ----------------------------------------------------------- record batch

/// Two records, hand-encoded:
/// r0: ts 1000, key "k", value "v", no headers
/// r1: ts 999 (delta -1), null key, value "vv", header "h" = null
fn hand_batch(producer_id: i64, epoch: i16, seq: i32, attributes: i16) -> Vec<u8> {
    #[rustfmt::skip]
    let records: Vec<u8> = vec![
        // record 0: length 8
        0x10, 0x00, 0x00, 0x00, 0x02, b'k', 0x02, b'v', 0x00,
        // record 1: length 11
        0x16,
        0x00,       // attributes
        0x01,       // timestamp delta -1 (zigzag)
        0x02,       // offset delta 1
        0x01,       // key length -1 (null)
        0x04, b'v', b'v',
        0x02,       // 1 header
        0x02, b'h', // header key "h"
        0x01,       // header value null
    ];
    let mut b: Vec<u8> = Vec::new();
    b.extend_from_slice(&0i64.to_be_bytes()); // base offset
    b.extend_from_slice(&be32((61 - 12 + records.len()) as i32)); // batch length
    b.extend_from_slice(&(-1i32).to_be_bytes()); // partition leader epoch
    b.push(2); // magic
    b.extend_from_slice(&[0, 0, 0, 0]); // crc, filled below
    b.extend_from_slice(&attributes.to_be_bytes());
    b.extend_from_slice(&1i32.to_be_bytes()); // last offset delta
    b.extend_from_slice(&1000i64.to_be_bytes()); // base timestamp
    b.extend_from_slice(&1000i64.to_be_bytes()); // max timestamp
    b.extend_from_slice(&producer_id.to_be_bytes());
    b.extend_from_slice(&epoch.to_be_bytes());
    b.extend_from_slice(&seq.to_be_bytes());
    b.extend_from_slice(&2i32.to_be_bytes()); // record count
    assert_eq!(b.len(), 61);
    b.extend_from_slice(&records);
    let crc = ref_crc32c(&b[21..]);
    b[17..21].copy_from_slice(&crc.to_be_bytes());
    b
}

fn build_two(opts: BatchOptions) -> Bytes {
    let mut bb = RecordBatchBuilder::new(opts);
    bb.append(1000, Some(b"k"), Some(b"v"), []);
    bb.append(999, None, Some(b"vv"), [(&b"h"[..], None)]);
    bb.finish().unwrap()
}

#[test]
fn record_batch_v2_known_bytes() {
    let want = hand_batch(-1, -1, -1, 0);
    let got = build_two(BatchOptions::default());
    assert_eq!(&got[..], &want[..]);

    // Idempotent + transactional producer fields and attribute bit 4.
    let want = hand_batch(0x1122_3344_5566, 7, 42, 0x10);
    let got = build_two(BatchOptions {
        producer_id: 0x1122_3344_5566,
        producer_epoch: 7,
        base_sequence: 42,
        transactional: true,
        ..Default::default()
    });
    assert_eq!(&got[..], &want[..]);
}

#[test]
fn record_batch_v2_decodes_hand_bytes() {
    let raw = Bytes::from(hand_batch(5, 1, 0, 0x10));
    let mut rd = RecordSetReader::new(
        raw.clone(),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    );
    let batch = rd.next_batch().unwrap().unwrap();
    assert!(rd.next_batch().unwrap().is_none());
    assert!(!rd.has_partial_tail());
    let h = batch.header().unwrap();
    assert_eq!(
        (
            h.producer_id,
            h.producer_epoch,
            h.base_sequence,
            h.record_count
        ),
        (5, 1, 0, 2)
    );
    assert!(batch.is_transactional() && !batch.is_control());
    assert_eq!(batch.last_offset(), 1);
    let recs: Vec<Record> = batch
        .records(rd.options())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].offset, 0);
    assert_eq!(recs[0].timestamp, 1000);
    assert_eq!(recs[0].timestamp_type, TimestampType::CreateTime);
    assert_eq!(recs[0].key.as_deref(), Some(&b"k"[..]));
    assert_eq!(recs[0].value.as_deref(), Some(&b"v"[..]));
    assert!(recs[0].headers.parse().unwrap().is_empty());
    assert_eq!(recs[1].offset, 1);
    assert_eq!(recs[1].timestamp, 999);
    assert_eq!(recs[1].key, None);
    assert_eq!(recs[1].value.as_deref(), Some(&b"vv"[..]));
    let hs = recs[1].headers.parse().unwrap();
    assert_eq!(
        hs,
        vec![Header {
            key: b"h",
            value: None
        }]
    );
    assert_eq!(recs[1].leader_epoch, -1);
    // Zero copy: the value points into the batch buffer.
    let v = recs[1].value.as_ref().unwrap();
    let base = raw.as_ptr() as usize;
    assert!((v.as_ptr() as usize) >= base && (v.as_ptr() as usize) < base + raw.len());
}

#[test]
fn record_batch_crc_mismatch_is_reported_and_skipped() {
    let good = hand_batch(-1, -1, -1, 0);
    let mut bad = good.clone();
    let last = bad.len() - 3;
    bad[last] ^= 0x01; // flip a bit inside the records
    let mut data = bad.clone();
    data.extend_from_slice(&good);
    let mut rd = RecordSetReader::new(
        Bytes::from(data.clone()),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    );
    match rd.next_batch() {
        Err(ProtocolError::Checksum {
            stored, computed, ..
        }) => {
            assert_eq!(stored, ref_crc32c(&good[21..]));
            assert_eq!(computed, ref_crc32c(&bad[21..]));
        }
        other => panic!("expected checksum error, got {other:?}"),
    }
    assert!(
        rd.next_batch().unwrap().is_some(),
        "the next batch is still readable"
    );
    assert!(rd.next_batch().unwrap().is_none());
    // Without check.crcs the damage goes unnoticed, as in librdkafka.
    let rd = RecordSetReader::new(Bytes::from(data), DecodeOptions::default());
    assert_eq!(rd.filter(Result::is_ok).count(), 2);
}

#[test]
fn partial_trailing_batch_is_not_an_error() {
    let mut data = hand_batch(-1, -1, -1, 0);
    let full = data.len();
    data.extend_from_slice(&hand_batch(-1, -1, -1, 0)[..40]);
    let mut rd = RecordSetReader::new(Bytes::from(data.clone()), DecodeOptions::default());
    assert!(rd.next_batch().unwrap().is_some());
    assert!(rd.next_batch().unwrap().is_none());
    assert!(rd.has_partial_tail());
    assert_eq!(rd.position(), full);
    // Only a fragment: no batch, partial tail.
    let mut rd = RecordSetReader::new(
        Bytes::copy_from_slice(&data[..10]),
        DecodeOptions::default(),
    );
    assert!(rd.next_batch().unwrap().is_none());
    assert!(rd.has_partial_tail());
}

#[test]
fn unknown_magic_is_skipped() {
    let mut weird = hand_batch(-1, -1, -1, 0);
    weird[16] = 3;
    let mut data = weird;
    data.extend_from_slice(&hand_batch(-1, -1, -1, 0));
    let mut rd = RecordSetReader::new(Bytes::from(data), DecodeOptions::default());
    assert!(matches!(
        rd.next_batch(),
        Err(ProtocolError::UnsupportedMagic { magic: 3, .. })
    ));
    assert!(rd.next_batch().unwrap().is_some());
}

#[test]
fn control_batch_round_trip() {
    let mut b = RecordBatchBuilder::new(BatchOptions {
        control: true,
        transactional: true,
        producer_id: 9,
        producer_epoch: 0,
        base_offset: 500,
        ..Default::default()
    });
    b.append_control(1234, ControlRecordType::Commit, 3);
    let raw = b.finish().unwrap();
    // Control record key/value as specified: key = version 0, type 1;
    // value = version 0, coordinator epoch 3.
    let rec_bytes = &raw[61..];
    assert_eq!(
        rec_bytes,
        &[0x20, 0, 0, 0, 0x08, 0, 0, 0, 1, 0x0c, 0, 0, 0, 0, 0, 3, 0][..]
    );
    let mut rd = RecordSetReader::new(
        raw,
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    );
    let batch = rd.next_batch().unwrap().unwrap();
    assert!(batch.is_control() && batch.is_transactional());
    let rec = batch
        .records(rd.options())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(rec.offset, 500);
    assert_eq!(rec.control_type().unwrap(), Some(ControlRecordType::Commit));
    assert_eq!(
        parse_control_key(&[0, 0, 0, 0]).unwrap(),
        Some(ControlRecordType::Abort)
    );
    assert_eq!(parse_control_key(&[0, 1, 0, 0]).unwrap(), None);
    assert!(parse_control_key(&[0]).is_err());
}

#[test]
fn log_append_time_batch_uses_max_timestamp() {
    let mut b = RecordBatchBuilder::new(BatchOptions {
        log_append_time: true,
        ..Default::default()
    });
    b.append(10, None, Some(b"a"), []);
    b.append(30, None, Some(b"b"), []);
    b.append(20, None, Some(b"c"), []);
    let raw = b.finish().unwrap();
    let mut rd = RecordSetReader::new(raw, DecodeOptions::default());
    let batch = rd.next_batch().unwrap().unwrap();
    for r in batch.records(rd.options()).unwrap() {
        let r = r.unwrap();
        assert_eq!(
            (r.timestamp, r.timestamp_type),
            (30, TimestampType::LogAppendTime)
        );
    }
}

#[test]
fn compressed_batches_round_trip_for_every_codec() {
    for codec in [
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ] {
        let mut b = RecordBatchBuilder::new(BatchOptions {
            compression: codec,
            base_offset: 100,
            ..Default::default()
        });
        for i in 0..500 {
            let v = format!("value number {i} with some repeated text repeated text");
            let hv = i.to_string();
            b.append(
                1_000_000 + i,
                Some(format!("key{i}").as_bytes()),
                Some(v.as_bytes()),
                [(&b"idx"[..], Some(hv.as_bytes()))],
            );
        }
        let raw = b.finish().unwrap();
        assert_eq!(raw[22] & 0x07, codec.id(), "{codec:?} attribute");
        let mut rd = RecordSetReader::new(
            raw,
            DecodeOptions {
                check_crcs: true,
                ..Default::default()
            },
        );
        let batch = rd.next_batch().unwrap().unwrap();
        assert_eq!(batch.compression().unwrap(), codec);
        assert_eq!(batch.last_offset(), 599);
        let recs: Vec<Record> = batch
            .records(rd.options())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(recs.len(), 500);
        for (i, r) in recs.iter().enumerate() {
            assert_eq!(r.offset, 100 + i as i64);
            assert_eq!(r.timestamp, 1_000_000 + i as i64);
            assert_eq!(r.key.as_deref(), Some(format!("key{i}").as_bytes()));
            let h = r.headers.parse().unwrap();
            assert_eq!(h[0].value, Some(i.to_string().as_bytes()));
        }
    }
}

#[test]
fn incompressible_batch_is_sent_uncompressed() {
    let mut b = RecordBatchBuilder::new(BatchOptions {
        compression: Compression::Gzip,
        ..Default::default()
    });
    b.append(1, None, Some(&[0x5a]), []);
    let raw = b.finish().unwrap();
    assert_eq!(raw[22] & 7, 0);
    let mut b = RecordBatchBuilder::new(BatchOptions {
        compression: Compression::Gzip,
        skip_useless_compression: false,
        ..Default::default()
    });
    b.append(1, None, Some(&[0x5a]), []);
    assert_eq!(b.finish().unwrap()[22] & 7, 1);
}

// ------------------------------------------------------ legacy message sets

/// A v0 message: offset, size, crc, magic 0, attributes, key, value.
fn hand_msg_v0(offset: i64, attributes: i8, key: Option<&[u8]>, value: Option<&[u8]>) -> Vec<u8> {
    let mut body = vec![0u8, attributes as u8];
    for f in [key, value] {
        match f {
            None => body.extend_from_slice(&(-1i32).to_be_bytes()),
            Some(b) => {
                body.extend_from_slice(&be32(b.len() as i32));
                body.extend_from_slice(b);
            }
        }
    }
    let mut m = offset.to_be_bytes().to_vec();
    m.extend_from_slice(&be32(4 + body.len() as i32));
    m.extend_from_slice(&ref_crc32(&body).to_be_bytes());
    m.extend_from_slice(&body);
    m
}

/// A v1 message: as v0 plus the timestamp after the attributes.
fn hand_msg_v1(
    offset: i64,
    attributes: i8,
    ts: i64,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
) -> Vec<u8> {
    let mut body = vec![1u8, attributes as u8];
    body.extend_from_slice(&ts.to_be_bytes());
    for f in [key, value] {
        match f {
            None => body.extend_from_slice(&(-1i32).to_be_bytes()),
            Some(b) => {
                body.extend_from_slice(&be32(b.len() as i32));
                body.extend_from_slice(b);
            }
        }
    }
    let mut m = offset.to_be_bytes().to_vec();
    m.extend_from_slice(&be32(4 + body.len() as i32));
    m.extend_from_slice(&ref_crc32(&body).to_be_bytes());
    m.extend_from_slice(&body);
    m
}

#[test]
fn message_set_v0_known_bytes() {
    #[rustfmt::skip]
    let mut want: Vec<u8> = vec![
        0, 0, 0, 0, 0, 0, 0, 0,     // offset 0
        0, 0, 0, 17,                // message size
        0, 0, 0, 0,                 // crc (below)
        0, 0,                       // magic 0, attributes 0
        0xff, 0xff, 0xff, 0xff,     // null key
        0, 0, 0, 3, b'a', b'b', b'c',
    ];
    let crc = ref_crc32(&want[16..]);
    want[12..16].copy_from_slice(&crc.to_be_bytes());
    assert_eq!(want, hand_msg_v0(0, 0, None, Some(b"abc")));
    let mut b = MessageSetBuilder::new(0, Compression::None, -1, 0).unwrap();
    b.append(12345, None, Some(b"abc")).unwrap();
    assert_eq!(&b.finish().unwrap()[..], &want[..]);

    let mut rd = RecordSetReader::new(
        Bytes::from(want),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    );
    let batch = rd.next_batch().unwrap().unwrap();
    assert_eq!(batch.magic(), 0);
    let r: Vec<Record> = batch
        .records(rd.options())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].offset, r[0].timestamp, r[0].timestamp_type),
        (0, -1, TimestampType::NotAvailable)
    );
    assert_eq!(r[0].key, None);
    assert_eq!(r[0].value.as_deref(), Some(&b"abc"[..]));
}

#[test]
fn message_set_v1_known_bytes_and_crc_check() {
    let want = [
        hand_msg_v1(7, 0, 1_600_000_000_000, Some(b"k"), Some(b"v1")),
        hand_msg_v1(8, 0, 1_600_000_000_001, Some(b"k"), None),
    ]
    .concat();
    let mut b = MessageSetBuilder::new(1, Compression::None, -1, 7).unwrap();
    b.append(1_600_000_000_000, Some(b"k"), Some(b"v1"))
        .unwrap();
    b.append(1_600_000_000_001, Some(b"k"), None).unwrap();
    assert_eq!(&b.finish().unwrap()[..], &want[..]);

    let recs: Vec<Record> = RecordSetReader::new(
        Bytes::from(want.clone()),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    )
    .flat_map(|b| b.unwrap().records(&DecodeOptions::default()).unwrap())
    .map(Result::unwrap)
    .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(
        (recs[1].offset, recs[1].timestamp, recs[1].timestamp_type),
        (8, 1_600_000_000_001, TimestampType::CreateTime)
    );
    assert_eq!(recs[1].value, None);

    let mut bad = want;
    bad[30] ^= 0x80;
    let mut rd = RecordSetReader::new(
        Bytes::from(bad),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    );
    assert!(matches!(
        rd.next_batch(),
        Err(ProtocolError::Checksum { offset: 7, .. })
    ));
    assert!(rd.next_batch().unwrap().is_some());
}

#[test]
fn compressed_message_set_v1_relative_offsets_and_log_append_time() {
    // Inner messages with relative offsets 0..2, as a v1 producer writes
    // them; the broker stamped the wrapper with the last absolute offset
    // (102) and, here, LogAppendTime.
    let inner = [
        hand_msg_v1(0, 0, 11, None, Some(b"a")),
        hand_msg_v1(1, 0, 12, None, Some(b"b")),
        hand_msg_v1(2, 0, 13, None, Some(b"c")),
    ]
    .concat();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &inner).unwrap();
    let gz = gz.finish().unwrap();
    let wrapper = hand_msg_v1(102, 1 | 0x08, 777, None, Some(&gz));
    let recs: Vec<Record> = RecordSetReader::new(
        Bytes::from(wrapper),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    )
    .flat_map(|b| {
        b.unwrap()
            .records(&DecodeOptions {
                check_crcs: true,
                ..Default::default()
            })
            .unwrap()
    })
    .map(Result::unwrap)
    .collect();
    let got: Vec<(i64, i64, &[u8])> = recs
        .iter()
        .map(|r| (r.offset, r.timestamp, r.value.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            (100, 777, &b"a"[..]),
            (101, 777, &b"b"[..]),
            (102, 777, &b"c"[..])
        ]
    );
    assert!(
        recs.iter()
            .all(|r| r.timestamp_type == TimestampType::LogAppendTime)
    );
}

#[test]
fn compressed_message_set_v0_with_kafka_lz4_and_snappy_java() {
    // v0: inner offsets are absolute.
    let inner = [
        hand_msg_v0(40, 0, Some(b"x"), Some(b"1")),
        hand_msg_v0(41, 0, None, Some(b"2")),
    ]
    .concat();
    for (codec, payload) in [
        (3i8, compression::compress_lz4_legacy(&inner).unwrap()),
        (2i8, compression::compress_snappy_xerial(&inner).unwrap()),
    ] {
        let wrapper = hand_msg_v0(41, codec, None, Some(&payload));
        let recs: Vec<Record> =
            RecordSetReader::new(Bytes::from(wrapper), DecodeOptions::default())
                .flat_map(|b| b.unwrap().records(&DecodeOptions::default()).unwrap())
                .map(Result::unwrap)
                .collect();
        assert_eq!(
            recs.iter().map(|r| r.offset).collect::<Vec<_>>(),
            vec![40, 41],
            "codec {codec}"
        );
        assert_eq!(recs[0].key.as_deref(), Some(&b"x"[..]));
    }
}

#[test]
fn nested_compressed_message_sets() {
    // gzip wrapper containing a snappy wrapper containing two messages (v1
    // relative offsets at both levels: the middle wrapper sits at relative
    // offset 2 of the outer set, the offset of its own last message).
    let innermost = [
        hand_msg_v1(0, 0, 5, None, Some(b"p")),
        hand_msg_v1(1, 0, 6, None, Some(b"q")),
    ]
    .concat();
    let mid = hand_msg_v1(
        2,
        2,
        6,
        None,
        Some(&compress(Compression::Snappy, -1, &innermost).unwrap()),
    );
    let mid = [hand_msg_v1(0, 0, 4, None, Some(b"o")), mid].concat();
    let outer = hand_msg_v1(
        12,
        1,
        6,
        None,
        Some(&compress(Compression::Gzip, -1, &mid).unwrap()),
    );
    let recs: Vec<(i64, Vec<u8>)> =
        RecordSetReader::new(Bytes::from(outer), DecodeOptions::default())
            .flat_map(|b| b.unwrap().records(&DecodeOptions::default()).unwrap())
            .map(|r| {
                let r = r.unwrap();
                (r.offset, r.value.unwrap().to_vec())
            })
            .collect();
    assert_eq!(
        recs,
        vec![
            (10, b"o".to_vec()),
            (11, b"p".to_vec()),
            (12, b"q".to_vec())
        ]
    );
}

#[test]
fn message_set_builder_compressed_round_trip() {
    for magic in [0i8, 1] {
        for codec in [
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            let mut b = MessageSetBuilder::new(magic, codec, -1, 1000).unwrap();
            for i in 0..50 {
                b.append(5000 + i, Some(b"key"), Some(format!("v{i}").as_bytes()))
                    .unwrap();
            }
            let set = b.finish().unwrap();
            if codec == Compression::Lz4 && magic == 0 {
                // Kafka v0 LZ4: header checksum taken over magic+descriptor.
                let payload = &set[12 + 4 + 2 + 4 + 4..];
                let hc = (twox_hash::XxHash32::oneshot(0, &payload[..6]) >> 8) as u8;
                assert_eq!(payload[6], hc);
            }
            let recs: Vec<Record> = RecordSetReader::new(
                set,
                DecodeOptions {
                    check_crcs: true,
                    ..Default::default()
                },
            )
            .flat_map(|b| {
                b.unwrap()
                    .records(&DecodeOptions {
                        check_crcs: true,
                        ..Default::default()
                    })
                    .unwrap()
            })
            .map(Result::unwrap)
            .collect();
            assert_eq!(recs.len(), 50, "{magic} {codec:?}");
            for (i, r) in recs.iter().enumerate() {
                assert_eq!(r.offset, 1000 + i as i64, "{magic} {codec:?}");
                assert_eq!(r.value.as_deref(), Some(format!("v{i}").as_bytes()));
                if magic == 1 {
                    assert_eq!(r.timestamp, 5000 + i as i64);
                }
            }
        }
    }
}

#[test]
fn mixed_magic_record_set() {
    let mut data = hand_msg_v0(0, 0, None, Some(b"zero")).to_vec();
    data.extend(hand_msg_v1(1, 0, 50, None, Some(b"one")));
    let mut b = RecordBatchBuilder::new(BatchOptions {
        base_offset: 2,
        ..Default::default()
    });
    b.append(60, None, Some(b"two"), []);
    data.extend_from_slice(&b.finish().unwrap());
    let rd = RecordSetReader::new(
        Bytes::from(data),
        DecodeOptions {
            check_crcs: true,
            ..Default::default()
        },
    );
    let batches: Vec<Batch> = rd.map(Result::unwrap).collect();
    assert_eq!(
        batches.iter().map(Batch::magic).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    let offsets: Vec<i64> = batches
        .iter()
        .flat_map(|b| b.records(&DecodeOptions::default()).unwrap())
        .map(|r| r.unwrap().offset)
        .collect();
    assert_eq!(offsets, vec![0, 1, 2]);
}

#[test]
fn supported_version_ranges() {
    assert_eq!(supported_versions(keys::PRODUCE), Some((0, 13)));
    assert_eq!(supported_versions(keys::FETCH), Some((4, 18)));
    assert_eq!(supported_versions(keys::API_VERSIONS), Some((0, 4)));
    assert_eq!(supported_versions(3), Some((0, 13)));
    assert_eq!(supported_versions(7777), None);
}
