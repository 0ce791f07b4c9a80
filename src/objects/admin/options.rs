//! Admin API: AdminOptions.
//!
//! An `rd_kafka_AdminOptions_t *` points to an [`AdminOptions`]. Each option
//! only applies to some operations (as in librdkafka); setting one that does
//! not apply to the operation the options were made for fails with
//! RD_KAFKA_RESP_ERR__INVALID_ARG. Options made for RD_KAFKA_ADMIN_OP_ANY
//! accept every option.

use crate::objects::types::*;
use crate::error::KafkaError;
use std::os::raw::{c_int, c_void};

/// Upper bound of the timeouts, in milliseconds (one hour).
const MAX_TIMEOUT_MS: c_int = 3600 * 1000;

/// The options of one admin request. What the engine reads when it runs the
/// request; `None` timeouts mean "the client's socket.timeout.ms".
#[derive(Clone, Debug, PartialEq)]
pub struct AdminOptions {
    /// The RD_KAFKA_ADMIN_OP_* the options were made for.
    pub for_api: rd_kafka_admin_op_t,
    /// Overall request timeout; None: socket.timeout.ms.
    pub request_timeout_ms: Option<c_int>,
    /// Broker-side operation timeout (-1..3600000); None: socket.timeout.ms.
    pub operation_timeout_ms: Option<c_int>,
    /// Only validate the request on the broker.
    pub validate_only: bool,
    /// Explicit target broker; None: the operation's default target.
    pub broker_id: Option<i32>,
    pub require_stable_offsets: bool,
    pub include_authorized_operations: bool,
    /// ListConsumerGroups state filter (None: not set).
    pub match_consumer_group_states: Option<Vec<rd_kafka_consumer_group_state_t>>,
    /// ListConsumerGroups type filter (None: not set).
    pub match_consumer_group_types: Option<Vec<rd_kafka_consumer_group_type_t>>,
    pub isolation_level: rd_kafka_IsolationLevel_t,
    /// Application opaque for the result event (stored as an address so the
    /// options stay Send).
    pub opaque: usize,
}

/// The options an AdminOptions object has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Opt {
    RequestTimeout,
    OperationTimeout,
    ValidateOnly,
    Broker,
    RequireStableOffsets,
    IncludeAuthorizedOperations,
    MatchConsumerGroupStates,
    MatchConsumerGroupTypes,
    IsolationLevel,
}

impl Opt {
    fn name(self) -> &'static str {
        match self {
            Opt::RequestTimeout => "request_timeout",
            Opt::OperationTimeout => "operation_timeout",
            Opt::ValidateOnly => "validate_only",
            Opt::Broker => "broker",
            Opt::RequireStableOffsets => "require_stable_offsets",
            Opt::IncludeAuthorizedOperations => "include_authorized_operations",
            Opt::MatchConsumerGroupStates => "match_consumer_group_states",
            Opt::MatchConsumerGroupTypes => "match_consumer_group_types",
            Opt::IsolationLevel => "isolation_level",
        }
    }

    /// Whether the option can be set on options made for `op`.
    fn applies_to(self, op: rd_kafka_admin_op_t) -> bool {
        if op == RD_KAFKA_ADMIN_OP_ANY {
            return true;
        }
        match self {
            Opt::RequestTimeout | Opt::Broker => true,
            Opt::OperationTimeout => matches!(
                op,
                RD_KAFKA_ADMIN_OP_CREATETOPICS
                    | RD_KAFKA_ADMIN_OP_DELETETOPICS
                    | RD_KAFKA_ADMIN_OP_CREATEPARTITIONS
                    | RD_KAFKA_ADMIN_OP_DELETERECORDS
                    | RD_KAFKA_ADMIN_OP_LISTOFFSETS
                    | RD_KAFKA_ADMIN_OP_ELECTLEADERS
            ),
            Opt::ValidateOnly => matches!(
                op,
                RD_KAFKA_ADMIN_OP_CREATETOPICS
                    | RD_KAFKA_ADMIN_OP_CREATEPARTITIONS
                    | RD_KAFKA_ADMIN_OP_ALTERCONFIGS
                    | RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS
            ),
            Opt::RequireStableOffsets => op == RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
            Opt::IncludeAuthorizedOperations => matches!(
                op,
                RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS
                    | RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER
                    | RD_KAFKA_ADMIN_OP_DESCRIBETOPICS
            ),
            Opt::MatchConsumerGroupStates | Opt::MatchConsumerGroupTypes => op == RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS,
            Opt::IsolationLevel => op == RD_KAFKA_ADMIN_OP_LISTOFFSETS,
        }
    }

    /// The accepted integer range of the option, if it is an integer.
    fn range(self) -> Option<(c_int, c_int)> {
        match self {
            Opt::RequestTimeout => Some((0, MAX_TIMEOUT_MS)),
            Opt::OperationTimeout => Some((-1, MAX_TIMEOUT_MS)),
            Opt::Broker => Some((0, i32::MAX)),
            Opt::ValidateOnly | Opt::RequireStableOffsets | Opt::IncludeAuthorizedOperations | Opt::IsolationLevel => {
                Some((0, 1))
            }
            Opt::MatchConsumerGroupStates | Opt::MatchConsumerGroupTypes => None,
        }
    }
}

impl AdminOptions {
    /// The defaults of options made for `for_api` (also what a request uses
    /// when the application passes NULL options: those are for
    /// RD_KAFKA_ADMIN_OP_ANY).
    pub fn new(for_api: rd_kafka_admin_op_t) -> Self {
        AdminOptions {
            for_api,
            request_timeout_ms: None,
            operation_timeout_ms: None,
            validate_only: false,
            broker_id: None,
            require_stable_offsets: false,
            include_authorized_operations: false,
            match_consumer_group_states: None,
            match_consumer_group_types: None,
            isolation_level: RD_KAFKA_ISOLATION_LEVEL_READ_UNCOMMITTED,
            opaque: 0,
        }
    }

    /// A copy of the options behind a handle, or the defaults for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live AdminOptions handle.
    pub unsafe fn copy_from_ptr(p: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { (p as *const AdminOptions).as_ref() }.cloned().unwrap_or_else(|| AdminOptions::new(RD_KAFKA_ADMIN_OP_ANY))
    }

    /// The request timeout to use, given the client's socket.timeout.ms.
    pub fn request_timeout(&self, socket_timeout_ms: c_int) -> c_int {
        self.request_timeout_ms.unwrap_or(socket_timeout_ms)
    }

    /// The operation timeout to use, given the client's socket.timeout.ms.
    /// Options made for an operation without an operation timeout give 0
    /// (as librdkafka's disabled option does), e.g. when options for
    /// DescribeConfigs are passed to CreateTopics.
    pub fn operation_timeout(&self, socket_timeout_ms: c_int) -> c_int {
        if !Opt::OperationTimeout.applies_to(self.for_api) {
            return 0;
        }
        self.operation_timeout_ms.unwrap_or(socket_timeout_ms)
    }

    /// The application opaque for the result event.
    pub fn opaque_ptr(&self) -> *mut c_void {
        self.opaque as *mut c_void
    }

    fn check(&self, opt: Opt, value: Option<c_int>) -> Result<(), KafkaError> {
        if !opt.applies_to(self.for_api) {
            return Err(KafkaError::new(
                RD_KAFKA_RESP_ERR__INVALID_ARG,
                format!("\"{}\" is not supported for this operation", opt.name()),
            ));
        }
        if let (Some(v), Some((min, max))) = (value, opt.range())
            && (v < min || v > max)
        {
            return Err(KafkaError::new(
                RD_KAFKA_RESP_ERR__INVALID_ARG,
                format!("Invalid value type for \"{}\": expecting integer in range {}..{}", opt.name(), min, max),
            ));
        }
        Ok(())
    }

    pub(crate) fn set_int(&mut self, opt: Opt, v: c_int) -> Result<(), KafkaError> {
        self.check(opt, Some(v))?;
        match opt {
            Opt::RequestTimeout => self.request_timeout_ms = Some(v),
            Opt::OperationTimeout => self.operation_timeout_ms = Some(v),
            Opt::ValidateOnly => self.validate_only = v != 0,
            Opt::Broker => self.broker_id = Some(v),
            Opt::RequireStableOffsets => self.require_stable_offsets = v != 0,
            Opt::IncludeAuthorizedOperations => self.include_authorized_operations = v != 0,
            Opt::IsolationLevel => self.isolation_level = v,
            Opt::MatchConsumerGroupStates | Opt::MatchConsumerGroupTypes => {}
        }
        Ok(())
    }

    /// Sets the ListConsumerGroups state filter, with librdkafka's checks.
    pub fn set_match_states(&mut self, states: &[rd_kafka_consumer_group_state_t]) -> Result<(), KafkaError> {
        let mut seen = 0u64;
        for &s in states {
            if !(0..RD_KAFKA_CONSUMER_GROUP_STATE__CNT).contains(&s) {
                return Err(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Invalid group state value"));
            }
            if seen & (1 << s) != 0 {
                return Err(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Duplicate states not allowed"));
            }
            seen |= 1 << s;
        }
        self.check(Opt::MatchConsumerGroupStates, None)?;
        self.match_consumer_group_states = Some(states.to_vec());
        Ok(())
    }

    /// Sets the ListConsumerGroups type filter, with librdkafka's checks.
    pub fn set_match_types(&mut self, types: &[rd_kafka_consumer_group_type_t]) -> Result<(), KafkaError> {
        let mut seen = 0u64;
        for &t in types {
            if !(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN..RD_KAFKA_CONSUMER_GROUP_TYPE__CNT).contains(&t) {
                return Err(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Only a valid type is allowed"));
            }
            if t == RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN {
                return Err(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "UNKNOWN type is not allowed"));
            }
            if seen & (1 << t) != 0 {
                return Err(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Duplicate types not allowed"));
            }
            seen |= 1 << t;
        }
        self.check(Opt::MatchConsumerGroupTypes, None)?;
        self.match_consumer_group_types = Some(types.to_vec());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_state_and_type_filters() {
        let mut o = AdminOptions::new(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS);
        assert_eq!(o.set_match_states(&[7]).unwrap_err().message, "Invalid group state value");
        assert_eq!(o.set_match_states(&[1, 1]).unwrap_err().message, "Duplicate states not allowed");
        assert_eq!(o.set_match_types(&[0]).unwrap_err().message, "UNKNOWN type is not allowed");
        assert_eq!(o.set_match_types(&[9]).unwrap_err().message, "Only a valid type is allowed");
        assert_eq!(o.set_match_types(&[1, 1]).unwrap_err().message, "Duplicate types not allowed");
        assert!(o.set_match_states(&[]).is_ok());
        assert_eq!(o.match_consumer_group_states, Some(vec![]));
        // Value checks come before the applicability check, as in librdkafka.
        let mut d = AdminOptions::new(RD_KAFKA_ADMIN_OP_DELETETOPICS);
        assert_eq!(d.set_match_states(&[-1]).unwrap_err().message, "Invalid group state value");
        assert_eq!(
            d.set_match_states(&[1]).unwrap_err().message,
            "\"match_consumer_group_states\" is not supported for this operation"
        );
    }
}
