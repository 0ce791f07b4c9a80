//! Record sets: v2 batches and v0/v1 messages, with and without CRC checks, every record and header decoded.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferrokafka::protocol::fuzz_support::record_set(data);
});
