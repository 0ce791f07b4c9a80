//! Entry points shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`),
//! the regression replay test and the seeded smoke test. Each takes
//! arbitrary bytes and must never panic, hang or allocate without bound;
//! some also check round-trip properties and panic when they fail.

use bytes::Bytes;

use super::compression::{self, Compression};
use super::record_set::{DecodeOptions, RecordSetReader};
use super::*;

/// Decompression limit used by the targets.
pub const LIMIT: usize = 4 << 20;

fn opts(check_crcs: bool) -> DecodeOptions {
    DecodeOptions {
        check_crcs,
        max_decompressed: LIMIT,
    }
}

/// Feed `data` to a frame reader in chunks whose sizes come from the data
/// itself, collecting frames until an error.
pub fn frame_reader(data: &[u8]) {
    if data.is_empty() {
        return;
    }
    let max = 1 + (data[0] as usize) * 64;
    let mut r = FrameReader::new(max);
    if data[0] & 1 == 1 {
        r.set_min_frame_size(0);
    }
    let mut rest = &data[1..];
    let mut total = 0usize;
    let mut step = 1usize;
    while !rest.is_empty() {
        let n = step.min(rest.len());
        r.extend_from_slice(&rest[..n]);
        rest = &rest[n..];
        step = step * 3 % 17 + 1;
        loop {
            match r.next_frame() {
                Ok(Some(f)) => {
                    assert!(f.len() <= max);
                    total += f.len() + 4;
                }
                Ok(None) => break,
                Err(_) => return,
            }
        }
    }
    assert_eq!(total + r.buffered(), data.len() - 1);
}

/// Decode `data[2..]` as a response frame for an API picked by `data[0]`
/// at a version picked by `data[1]`: header plus body, through the
/// kafka-protocol wrappers and the hand-written Fetch decoder.
pub fn response(data: &[u8]) {
    use super::messages::*;
    if data.len() < 2 {
        return;
    }
    let frame = Bytes::copy_from_slice(&data[2..]);
    let v = data[1] as i16 % 20;
    let _ = peek_correlation_id(&frame);
    macro_rules! dec {
        ($key:expr, $t:ty) => {{
            let _ = decode_response::<$t>($key, v, frame.clone());
        }};
    }
    match data[0] % 12 {
        0 => {
            let _ = decode_api_versions_response(v.min(4), frame);
        }
        1 => dec!(3, MetadataResponse),
        2 => {
            dec!(0, ProduceResponse);
            let mut f = frame.clone();
            let pv = v.min(13);
            if decode_response_header(0, pv, &mut f).is_ok()
                && let Ok(resp) = decode_produce_response(pv, &f)
                // (Encoding can fail: lossy UTF-8 may make a string too long
                // for an INT16 length.)
                && let Ok(enc) = encode_produce_response(pv, &resp)
            {
                assert_eq!(decode_produce_response(pv, &enc).unwrap(), resp);
            }
        }
        3 => {
            let mut f = frame;
            if decode_response_header(1, v.min(18), &mut f).is_ok()
                && let Ok(resp) = decode_fetch_response(v.min(18), &f)
            {
                // Re-encoding what was decoded must reproduce a body that
                // decodes to the same value.
                if let Ok(enc) = encode_fetch_response(v.min(18), &resp) {
                    assert_eq!(
                        decode_fetch_response(v.min(18), &enc.freeze()).unwrap(),
                        resp
                    );
                }
                for t in &resp.topics {
                    for p in &t.partitions {
                        record_set_inner(p.records.clone().unwrap_or_default(), false);
                    }
                }
            }
        }
        4 => dec!(10, FindCoordinatorResponse),
        5 => dec!(11, JoinGroupResponse),
        6 => dec!(14, SyncGroupResponse),
        7 => dec!(9, OffsetFetchResponse),
        8 => dec!(2, ListOffsetsResponse),
        9 => dec!(22, InitProducerIdResponse),
        10 => dec!(36, SaslAuthenticateResponse),
        _ => dec!(8, OffsetCommitResponse),
    }
}

fn record_set_inner(data: Bytes, check_crcs: bool) {
    let o = opts(check_crcs);
    let mut rd = RecordSetReader::new(data.clone(), o);
    let mut guard = 0;
    loop {
        guard += 1;
        assert!(guard < 1_000_000, "record set reader does not terminate");
        match rd.next_batch() {
            Ok(None) => break,
            Err(_) => continue,
            Ok(Some(batch)) => {
                let _ = (
                    batch.base_offset(),
                    batch.last_offset(),
                    batch.is_control(),
                    batch.producer_id(),
                );
                if let Ok(recs) = batch.records(&o) {
                    for r in recs {
                        match r {
                            Ok(r) => {
                                let _ = r.headers.parse();
                                let _ = r.headers.count();
                                if batch.is_control() {
                                    let _ = r.control_type();
                                }
                            }
                            Err(_) => break,
                        }
                    }
                }
            }
        }
    }
    assert!(rd.position() <= data.len());
}

/// Walk `data[1..]` as a record set (v2 batches, v0/v1 messages), with
/// CRC checks on when `data[0]` is odd, decoding every record.
pub fn record_set(data: &[u8]) {
    if data.is_empty() {
        return;
    }
    record_set_inner(Bytes::copy_from_slice(&data[1..]), data[0] & 1 == 1);
}

/// Parse `data` as one legacy message (forcing magic 0 or 1 so the
/// legacy path is what gets exercised) and expand it, compressed or not.
pub fn message_set(data: &[u8]) {
    let mut d = data.to_vec();
    if d.len() > 16 {
        d[16] &= 1;
    }
    let raw = Bytes::from(d);
    if let Ok(m) = LegacyMessage::parse(raw.clone()) {
        let _ = m.verify_crc();
        let _ = m.records(LIMIT, false);
        let _ = m.records(LIMIT, true);
    }
    record_set_inner(raw, false);
}

/// Decompress `data[1..]` with the codec chosen by `data[0]`; then check
/// that compressing `data[1..]` with that codec round-trips.
pub fn decompress(data: &[u8]) {
    if data.is_empty() {
        return;
    }
    let codec = match data[0] % 5 {
        0 => Compression::None,
        1 => Compression::Gzip,
        2 => Compression::Snappy,
        3 => Compression::Lz4,
        _ => Compression::Zstd,
    };
    let input = &data[1..];
    if let Ok(out) = compression::decompress(codec, input, LIMIT) {
        assert!(out.len() <= LIMIT);
    }
    let level = (data[0] / 5) as i32 % 10 - 1;
    let c = compression::compress(codec, level, input).expect("compression cannot fail");
    let d = compression::decompress(codec, &c, input.len()).expect("own output must decompress");
    assert_eq!(d, input, "{codec:?} round trip");
    if codec == Compression::Snappy {
        let x = compression::compress_snappy_xerial(input).unwrap();
        assert_eq!(
            compression::decompress(codec, &x, input.len()).unwrap(),
            input
        );
    }
    if codec == Compression::Lz4 {
        let x = compression::compress_lz4_legacy(input).unwrap();
        assert_eq!(
            compression::decompress(codec, &x, input.len()).unwrap(),
            input
        );
    }
}

/// Build a record batch from fuzz-chosen records, options and codec, and
/// check that decoding it gives back exactly what went in.
pub fn batch_round_trip(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let codec = Compression::from_id(data[0] % 5).unwrap();
    let opts = BatchOptions {
        compression: codec,
        producer_id: data[1] as i64 - 1,
        transactional: data[1] & 1 == 1,
        base_offset: data[2] as i64 * 1000,
        ..Default::default()
    };
    let mut b = RecordBatchBuilder::new(opts.clone());
    // Records: chunks of the rest, split at 0xff bytes; first byte of each
    // chunk decides null key/value and a header.
    let mut expected = Vec::new();
    for (i, chunk) in data[3..].split(|b| *b == 0xff).enumerate() {
        let flags = chunk.first().copied().unwrap_or(0);
        let body = chunk.get(1..).unwrap_or(&[]);
        let (k, v) = body.split_at(body.len() / 2);
        let key = if flags & 1 == 1 { None } else { Some(k) };
        let value = if flags & 2 == 2 { None } else { Some(v) };
        let hdr: Vec<(&[u8], Option<&[u8]>)> = if flags & 4 == 4 {
            vec![(k, Some(v)), (b"n", None)]
        } else {
            vec![]
        };
        let ts = (i as i64) * 7 - (flags as i64) * 1000;
        b.append(ts, key, value, hdr.iter().copied());
        expected.push((
            ts,
            key.map(<[u8]>::to_vec),
            value.map(<[u8]>::to_vec),
            hdr.len(),
        ));
    }
    let raw = b.finish().unwrap();
    let o = DecodeOptions {
        check_crcs: true,
        max_decompressed: raw.len() * 4 + (1 << 20),
    };
    let mut rd = RecordSetReader::new(raw, o);
    let batch = rd.next_batch().unwrap().unwrap();
    assert!(rd.next_batch().unwrap().is_none());
    assert_eq!(batch.is_transactional(), opts.transactional);
    let recs: Vec<Record> = batch.records(&o).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(recs.len(), expected.len());
    for (i, (r, (ts, k, v, nh))) in recs.iter().zip(expected).enumerate() {
        assert_eq!(r.offset, opts.base_offset + i as i64);
        assert_eq!(r.timestamp, ts);
        assert_eq!(r.key.as_deref(), k.as_deref());
        assert_eq!(r.value.as_deref(), v.as_deref());
        assert_eq!(r.headers.parse().unwrap().len(), nh);
    }
}

/// A named fuzz entry point.
pub type Target = (&'static str, fn(&[u8]));

/// All targets by name (for the replay and smoke tests).
pub const TARGETS: &[Target] = &[
    ("frame_reader", frame_reader),
    ("response", response),
    ("record_set", record_set),
    ("message_set", message_set),
    ("decompress", decompress),
    ("batch_round_trip", batch_round_trip),
];

/// Valid inputs for each target, to start fuzzing from and to mutate in
/// the smoke test.
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    fn batch(codec: Compression, n: usize, control: bool) -> Bytes {
        let mut b = RecordBatchBuilder::new(BatchOptions {
            compression: codec,
            control,
            transactional: control,
            ..Default::default()
        });
        for i in 0..n {
            if control {
                b.append_control(i as i64, ControlRecordType::Abort, 1);
            } else {
                let v = format!("value-{i}-{}", "x".repeat(i % 13));
                b.append(
                    1000 + i as i64,
                    Some(b"key"),
                    Some(v.as_bytes()),
                    [(&b"h"[..], Some(&b"hv"[..]))],
                );
            }
        }
        b.finish().unwrap()
    }
    fn legacy(magic: i8, codec: Compression) -> Bytes {
        let mut m = MessageSetBuilder::new(magic, codec, -1, 10).unwrap();
        for i in 0..5 {
            m.append(500 + i, Some(b"k"), Some(format!("legacy {i}").as_bytes()))
                .unwrap();
        }
        m.finish().unwrap()
    }
    const CODECS: [Compression; 5] = [
        Compression::None,
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ];
    let with_prefix = |p: u8, b: &[u8]| {
        let mut v = vec![p];
        v.extend_from_slice(b);
        v
    };
    match target {
        "frame_reader" => {
            let mut s = Vec::new();
            for payload in [&b"\0\0\0\x01abc"[..], &[0u8; 300][..], &b"\0\0\0\x02"[..]] {
                s.extend_from_slice(&frame::frame(payload));
            }
            vec![with_prefix(200, &s), with_prefix(1, &frame::frame(b""))]
        }
        "response" => {
            let mut out = Vec::new();
            let fr = FetchResponse {
                throttle_time_ms: 1,
                session_id: 2,
                topics: vec![FetchTopic {
                    name: "t".into(),
                    topic_id: [3; 16],
                    partitions: vec![FetchPartition {
                        records: Some(
                            [
                                batch(Compression::None, 3, false),
                                legacy(1, Compression::Gzip),
                            ]
                            .concat()
                            .into(),
                        ),
                        aborted_transactions: vec![AbortedTransaction {
                            producer_id: 1,
                            first_offset: 2,
                        }],
                        current_leader: Some(LeaderIdAndEpoch {
                            leader_id: 1,
                            leader_epoch: 2,
                        }),
                        ..Default::default()
                    }],
                }],
                ..Default::default()
            };
            for v in [0i16, 4, 11, 12, 16] {
                let mut f = vec![3u8, v as u8, 0, 0, 0, 9];
                if v >= 12 {
                    f.push(0);
                }
                f.extend_from_slice(&encode_fetch_response(v, &fr).unwrap());
                out.push(f);
            }
            let av = messages::ApiVersionsResponse::default().with_api_keys(vec![
                messages::api_versions_response::ApiVersion::default()
                    .with_api_key(3)
                    .with_max_version(12),
            ]);
            for v in [0i16, 3] {
                let w = encode_response(18, v, 5, &av).unwrap();
                out.push([&[0u8, v as u8][..], &w[4..]].concat());
            }
            let md = messages::MetadataResponse::default().with_brokers(vec![
                messages::metadata_response::MetadataResponseBroker::default()
                    .with_host(StrBytes::from_static_str("localhost"))
                    .with_port(9092),
            ]);
            for v in [1i16, 9, 12] {
                let w = encode_response(3, v, 5, &md).unwrap();
                out.push([&[1u8, v as u8][..], &w[4..]].concat());
            }
            out
        }
        "record_set" => {
            let mut out = Vec::new();
            for c in CODECS {
                out.push(with_prefix(1, &batch(c, 7, false)));
                out.push(with_prefix(
                    0,
                    &[batch(c, 2, false), legacy(0, c), legacy(1, c)].concat(),
                ));
            }
            out.push(with_prefix(1, &batch(Compression::None, 2, true)));
            out
        }
        "message_set" => CODECS
            .iter()
            .flat_map(|&c| [legacy(0, c).to_vec(), legacy(1, c).to_vec()])
            .collect(),
        "decompress" => {
            let data = b"decompress seed decompress seed decompress seed 0123456789".repeat(20);
            let mut out = Vec::new();
            for (i, c) in CODECS.iter().enumerate() {
                out.push(with_prefix(
                    i as u8,
                    &compression::compress(*c, -1, &data).unwrap(),
                ));
            }
            out.push(with_prefix(
                2,
                &compression::compress_snappy_xerial(&data).unwrap(),
            ));
            out.push(with_prefix(
                3,
                &compression::compress_lz4_legacy(&data).unwrap(),
            ));
            out
        }
        "batch_round_trip" => vec![
            b"\x03\x01\x02\x04key-and-value\xff\x00ab\xff\x07hdr".to_vec(),
            vec![4, 0, 0, 0],
        ],
        _ => Vec::new(),
    }
}
