//! Record batch encoder: what goes in must come back out of the decoder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferrokafka::protocol::fuzz_support::batch_round_trip(data);
});
