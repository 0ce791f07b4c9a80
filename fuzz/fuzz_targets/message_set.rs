//! Legacy v0/v1 messages, including compressed and nested wrappers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferrokafka::protocol::fuzz_support::message_set(data);
});
