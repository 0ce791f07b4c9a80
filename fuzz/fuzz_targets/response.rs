//! Response headers and bodies: kafka-protocol wrappers (ApiVersions, Metadata, Produce, group and offset APIs) and the hand-written Fetch decoder, with a decode/encode/decode check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferrokafka::protocol::fuzz_support::response(data);
});
