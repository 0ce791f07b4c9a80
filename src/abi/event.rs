//! Events: the C accessors of `rd_kafka_event_t *` (the object behind it,
//! `EventOf`, lives in `crate::objects::event`; the engine's
//! [`EventObj`] names it with the engine's fetched batches).

use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::types::*;
use libc::size_t;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

/// Event names as librdkafka reports them.
fn event_name(ev_type: c_int) -> &'static std::ffi::CStr {
    match ev_type {
        RD_KAFKA_EVENT_NONE => c"(NONE)",
        RD_KAFKA_EVENT_DR => c"DeliveryReport",
        RD_KAFKA_EVENT_FETCH => c"Fetch",
        RD_KAFKA_EVENT_LOG => c"Log",
        RD_KAFKA_EVENT_ERROR => c"Error",
        RD_KAFKA_EVENT_REBALANCE => c"Rebalance",
        RD_KAFKA_EVENT_OFFSET_COMMIT => c"OffsetCommit",
        RD_KAFKA_EVENT_STATS => c"Stats",
        RD_KAFKA_EVENT_CREATETOPICS_RESULT => c"CreateTopicsResult",
        RD_KAFKA_EVENT_DELETETOPICS_RESULT => c"DeleteTopicsResult",
        RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT => c"CreatePartitionsResult",
        RD_KAFKA_EVENT_ALTERCONFIGS_RESULT => c"AlterConfigsResult",
        RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT => c"IncrementalAlterConfigsResult",
        RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT => c"DescribeConfigsResult",
        RD_KAFKA_EVENT_DELETERECORDS_RESULT => c"DeleteRecordsResult",
        RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT => c"ListConsumerGroupsResult",
        RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT => c"DescribeConsumerGroupsResult",
        RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT => c"DescribeTopicsResult",
        RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT => c"DescribeClusterResult",
        RD_KAFKA_EVENT_DELETEGROUPS_RESULT => c"DeleteGroupsResult",
        RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT => c"DeleteConsumerGroupOffsetsResult",
        RD_KAFKA_EVENT_CREATEACLS_RESULT => c"CreateAclsResult",
        RD_KAFKA_EVENT_DESCRIBEACLS_RESULT => c"DescribeAclsResult",
        RD_KAFKA_EVENT_DELETEACLS_RESULT => c"DeleteAclsResult",
        RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT => c"AlterConsumerGroupOffsetsResult",
        RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT => c"ListConsumerGroupOffsetsResult",
        RD_KAFKA_EVENT_OAUTHBEARER_TOKEN_REFRESH => c"SaslOAuthBearerTokenRefresh",
        RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT => c"DescribeUserScramCredentials",
        RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT => c"AlterUserScramCredentials",
        RD_KAFKA_EVENT_LISTOFFSETS_RESULT => c"ListOffsetsResult",
        RD_KAFKA_EVENT_ELECTLEADERS_RESULT => c"ElectLeadersResult",
        _ => c"?unknown?",
    }
}

/// The event's type (RD_KAFKA_EVENT_NONE for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_type(rkev: *const rd_kafka_event_t) -> rd_kafka_event_type_t {
    // SAFETY: caller contract for handles.
    unsafe { EventObj::from_ptr(rkev) }.map_or(RD_KAFKA_EVENT_NONE, |e| e.ev_type)
}

/// The event type's name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_name(rkev: *const rd_kafka_event_t) -> *const c_char {
    // SAFETY: see rd_kafka_event_type.
    event_name(unsafe { rd_kafka_event_type(rkev) }).as_ptr()
}

/// Frees an event and everything it owns (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_destroy(rkev: *mut rd_kafka_event_t) {
    crate::ffi_guard!((), {
        if !rkev.is_null() {
            // SAFETY: the handle came from EventObj::into_raw.
            drop(unsafe { Box::from_raw(rkev as *mut EventObj) });
        }
    })
}

/// Next message of a DR or FETCH event, NULL when there are no more. The
/// message stays owned by the event.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_message_next(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_message_t {
    // SAFETY: caller contract for handles.
    match unsafe { EventObj::from_ptr_mut(rkev) } {
        Some(EventObj { payload: EventPayload::Messages { msgs, next }, .. }) => {
            if *next < msgs.len() {
                *next += 1;
                msgs[*next - 1]
            } else {
                ptr::null()
            }
        }
        _ => ptr::null(),
    }
}

/// Copies up to `size` message pointers of a DR or FETCH event into
/// `rkmessages`; returns how many were copied.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_message_array(rkev: *mut rd_kafka_event_t, rkmessages: *mut *const rd_kafka_message_t, size: size_t) -> size_t {
    // SAFETY: caller contract for handles; rkmessages has room for `size`.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { payload: EventPayload::Messages { msgs, .. }, .. }) if !rkmessages.is_null() => {
            let n = msgs.len().min(size);
            for (i, m) in msgs.iter().take(n).enumerate() {
                unsafe { *rkmessages.add(i) = *m };
            }
            n
        }
        _ => 0,
    }
}

/// Number of messages in a DR or FETCH event.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_message_count(rkev: *mut rd_kafka_event_t) -> size_t {
    // SAFETY: caller contract for handles.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { payload: EventPayload::Messages { msgs, .. }, .. }) => msgs.len(),
        _ => 0,
    }
}

/// The sasl.oauthbearer.config value of a token refresh event.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_config_string(rkev: *mut rd_kafka_event_t) -> *const c_char {
    // SAFETY: caller contract for handles.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { payload: EventPayload::OAuthConfig(s), .. }) => s.as_ptr(),
        _ => ptr::null(),
    }
}

/// The event's error code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_error(rkev: *mut rd_kafka_event_t) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles.
    unsafe { EventObj::from_ptr(rkev) }.map_or(RD_KAFKA_RESP_ERR_NO_ERROR, |e| e.err)
}

/// The event's error text, NULL when the event carries no error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_error_string(rkev: *mut rd_kafka_event_t) -> *const c_char {
    // SAFETY: caller contract for handles.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(e) if e.err != RD_KAFKA_RESP_ERR_NO_ERROR => {
            if e.errstr.as_bytes().is_empty() {
                super::error::rd_kafka_err2str(e.err)
            } else {
                e.errstr.as_ptr()
            }
        }
        _ => ptr::null(),
    }
}

/// 1 if an error event reports a fatal error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_error_is_fatal(rkev: *mut rd_kafka_event_t) -> c_int {
    // SAFETY: caller contract for handles.
    unsafe { EventObj::from_ptr(rkev) }.is_some_and(|e| e.ev_type == RD_KAFKA_EVENT_ERROR && e.fatal) as c_int
}

/// The application opaque of the event (admin results, commits).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_opaque(rkev: *mut rd_kafka_event_t) -> *mut c_void {
    // SAFETY: caller contract for handles.
    unsafe { EventObj::from_ptr(rkev) }.map_or(ptr::null_mut(), |e| e.opaque)
}

/// Facility, message and level of a log event; -1 if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_log(rkev: *mut rd_kafka_event_t, fac: *mut *const c_char, str_: *mut *const c_char, level: *mut c_int) -> c_int {
    // SAFETY: caller contract for handles and out-params.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { ev_type: RD_KAFKA_EVENT_LOG, payload: EventPayload::Log { fac: f, msg, level: l, .. }, .. }) => {
            unsafe {
                if !fac.is_null() {
                    *fac = f.as_ptr();
                }
                if !str_.is_null() {
                    *str_ = msg.as_ptr();
                }
                if !level.is_null() {
                    *level = *l;
                }
            }
            0
        }
        _ => -1,
    }
}

/// Writes the debug contexts of a log event to `dst`; -1 if it is not a log
/// event.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_debug_contexts(rkev: *mut rd_kafka_event_t, dst: *mut c_char, dstsize: size_t) -> c_int {
    // SAFETY: caller contract for handles; dst valid for dstsize bytes.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { ev_type: RD_KAFKA_EVENT_LOG, payload: EventPayload::Log { ctx, .. }, .. }) => {
            unsafe { crate::objects::util::write_errstr(dst, dstsize, ctx) };
            0
        }
        _ => -1,
    }
}

/// The JSON document of a stats event.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_stats(rkev: *mut rd_kafka_event_t) -> *const c_char {
    // SAFETY: caller contract for handles.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { payload: EventPayload::Stats(s), .. }) => s.as_ptr(),
        _ => ptr::null(),
    }
}

/// The partition list of a rebalance or offset commit event (owned by the
/// event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_topic_partition_list(rkev: *mut rd_kafka_event_t) -> *mut rd_kafka_topic_partition_list_t {
    // SAFETY: caller contract for handles.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(EventObj { payload: EventPayload::Partitions(p), .. }) => *p,
        _ => ptr::null_mut(),
    }
}

/// For error events about one partition: a new topic-partition (freed by the
/// caller with rd_kafka_topic_partition_destroy()); NULL otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_topic_partition(rkev: *mut rd_kafka_event_t) -> *mut rd_kafka_topic_partition_t {
    // No event type of ferrokafka carries a single partition yet.
    let _ = rkev;
    ptr::null_mut()
}
