//! Decompressors (gzip, snappy raw and snappy-java, lz4 incl. Kafka's broken header checksum, zstd), plus a compress/decompress round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferrokafka::protocol::fuzz_support::decompress(data);
});
