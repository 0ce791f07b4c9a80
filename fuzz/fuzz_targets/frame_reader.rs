//! Frame reader: arbitrary byte streams fed in uneven chunks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferrokafka::protocol::fuzz_support::frame_reader(data);
});
