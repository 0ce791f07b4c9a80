//! Rough throughput of the hot paths (record batch encode/decode per codec).
//! Ignored by default; run with
//! `cargo test --release --test protocol_perf -- --ignored --nocapture`.

use std::time::Instant;

use ferrokafka::protocol::*;

#[test]
#[ignore]
fn record_batch_throughput() {
    let value = vec![b'x'; 100];
    let key = b"key-0000";
    let n_batches = 2000;
    let per_batch = 500;
    for codec in [
        Compression::None,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
        Compression::Gzip,
    ] {
        let t = Instant::now();
        let mut batches = Vec::with_capacity(n_batches);
        for bi in 0..n_batches {
            let mut b = RecordBatchBuilder::with_capacity(
                BatchOptions {
                    compression: codec,
                    ..Default::default()
                },
                64 * 1024,
            );
            for i in 0..per_batch {
                b.append(
                    1_700_000_000_000 + i as i64,
                    Some(key),
                    Some(&value),
                    [(&b"h"[..], Some(&b"1"[..]))],
                );
            }
            let _ = bi;
            batches.push(b.finish().unwrap());
        }
        let enc = t.elapsed();
        let wire: usize = batches.iter().map(|b| b.len()).sum();
        let data = Bytes::from(
            batches
                .iter()
                .flat_map(|b| b.iter().copied())
                .collect::<Vec<u8>>(),
        );
        let t = Instant::now();
        let opts = DecodeOptions {
            check_crcs: true,
            ..Default::default()
        };
        let mut count = 0usize;
        let mut bytes = 0usize;
        for b in RecordSetReader::new(data, opts) {
            for r in b.unwrap().records(&opts).unwrap() {
                let r = r.unwrap();
                bytes += r.value.as_ref().map_or(0, |v| v.len());
                count += 1;
            }
        }
        let dec = t.elapsed();
        let msgs = (n_batches * per_batch) as f64;
        assert_eq!(count, n_batches * per_batch);
        assert_eq!(bytes, count * 100);
        println!(
            "{:>6}: encode {:>6.2} M msg/s, decode (crc on) {:>6.2} M msg/s, {:.1} bytes/msg on the wire",
            codec.name(),
            msgs / enc.as_secs_f64() / 1e6,
            msgs / dec.as_secs_f64() / 1e6,
            wire as f64 / msgs
        );
    }
}
