//! Kafka protocol error codes used by the mock brokers, and the stacks of
//! errors injected by tests.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

pub const NONE: i16 = 0;
pub const OFFSET_OUT_OF_RANGE: i16 = 1;
pub const CORRUPT_MESSAGE: i16 = 2;
pub const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
pub const LEADER_NOT_AVAILABLE: i16 = 5;
pub const NOT_LEADER_OR_FOLLOWER: i16 = 6;
pub const BROKER_NOT_AVAILABLE: i16 = 8;
pub const COORDINATOR_NOT_AVAILABLE: i16 = 15;
pub const NOT_COORDINATOR: i16 = 16;
pub const INVALID_TOPIC_EXCEPTION: i16 = 17;
pub const ILLEGAL_GENERATION: i16 = 22;
pub const INCONSISTENT_GROUP_PROTOCOL: i16 = 23;
pub const INVALID_GROUP_ID: i16 = 24;
pub const UNKNOWN_MEMBER_ID: i16 = 25;
pub const REBALANCE_IN_PROGRESS: i16 = 27;
pub const UNSUPPORTED_SASL_MECHANISM: i16 = 33;
pub const ILLEGAL_SASL_STATE: i16 = 34;
pub const UNSUPPORTED_VERSION: i16 = 35;
pub const TOPIC_ALREADY_EXISTS: i16 = 36;
pub const INVALID_PARTITIONS: i16 = 37;
pub const INVALID_REPLICATION_FACTOR: i16 = 38;
pub const INVALID_REQUEST: i16 = 42;
pub const UNSUPPORTED_FOR_MESSAGE_FORMAT: i16 = 43;
pub const OUT_OF_ORDER_SEQUENCE_NUMBER: i16 = 45;
pub const DUPLICATE_SEQUENCE_NUMBER: i16 = 46;
pub const INVALID_PRODUCER_EPOCH: i16 = 47;
pub const INVALID_TXN_STATE: i16 = 48;
pub const INVALID_PRODUCER_ID_MAPPING: i16 = 49;
pub const SASL_AUTHENTICATION_FAILED: i16 = 58;
pub const UNKNOWN_PRODUCER_ID: i16 = 59;
pub const NON_EMPTY_GROUP: i16 = 68;
pub const GROUP_ID_NOT_FOUND: i16 = 69;
pub const FENCED_LEADER_EPOCH: i16 = 74;
pub const UNKNOWN_LEADER_EPOCH: i16 = 75;
pub const INVALID_RECORD: i16 = 87;
pub const UNKNOWN_TOPIC_ID: i16 = 100;
pub const FENCED_MEMBER_EPOCH: i16 = 110;
pub const UNRELEASED_INSTANCE_ID: i16 = 111;
pub const STALE_MEMBER_EPOCH: i16 = 113;

/// librdkafka's local error __TRANSPORT: when injected, the broker closes
/// the connection instead of answering.
pub const TRANSPORT: i32 = -195;

/// A short human readable name for an error code (for error messages).
pub fn name(code: i16) -> &'static str {
    match code {
        NONE => "NONE",
        OFFSET_OUT_OF_RANGE => "OFFSET_OUT_OF_RANGE",
        UNKNOWN_TOPIC_OR_PARTITION => "UNKNOWN_TOPIC_OR_PARTITION",
        NOT_LEADER_OR_FOLLOWER => "NOT_LEADER_OR_FOLLOWER",
        COORDINATOR_NOT_AVAILABLE => "COORDINATOR_NOT_AVAILABLE",
        NOT_COORDINATOR => "NOT_COORDINATOR",
        INVALID_REQUEST => "INVALID_REQUEST",
        TOPIC_ALREADY_EXISTS => "TOPIC_ALREADY_EXISTS",
        UNSUPPORTED_SASL_MECHANISM => "UNSUPPORTED_SASL_MECHANISM",
        SASL_AUTHENTICATION_FAILED => "SASL_AUTHENTICATION_FAILED",
        _ => "ERROR",
    }
}

/// One injected error: the code to answer with (a librdkafka error code,
/// so possibly one of its negative local codes) and an extra delay for the
/// response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Injected {
    pub err: i32,
    pub rtt: Duration,
}

/// Per-API-key FIFO stacks of injected errors.
#[derive(Clone, Debug, Default)]
pub struct ErrorStacks {
    stacks: HashMap<i16, VecDeque<Injected>>,
}

impl ErrorStacks {
    /// Append errors for `api_key`.
    pub fn push(&mut self, api_key: i16, errs: impl IntoIterator<Item = Injected>) {
        self.stacks.entry(api_key).or_default().extend(errs);
    }

    /// Remove and return the next error for `api_key`.
    pub fn pop(&mut self, api_key: i16) -> Option<Injected> {
        self.stacks.get_mut(&api_key)?.pop_front()
    }

    /// Forget every error of `api_key`.
    pub fn clear(&mut self, api_key: i16) {
        self.stacks.remove(&api_key);
    }

    /// How many errors are left for `api_key`.
    pub fn count(&self, api_key: i16) -> usize {
        self.stacks.get(&api_key).map_or(0, VecDeque::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacks_are_fifo_per_key() {
        let mut s = ErrorStacks::default();
        let e = |err| Injected {
            err,
            rtt: Duration::ZERO,
        };
        s.push(0, [e(1), e(2)]);
        s.push(1, [e(9)]);
        s.push(0, [e(3)]);
        assert_eq!(s.count(0), 3);
        assert_eq!(s.pop(0).unwrap().err, 1);
        assert_eq!(s.pop(1).unwrap().err, 9);
        assert_eq!(s.pop(1), None);
        assert_eq!(s.pop(0).unwrap().err, 2);
        s.clear(0);
        assert_eq!(s.pop(0), None);
    }
}
