//! Admin API: the C functions of AdminOptions (the object, its options and
//! their checks are in `objects::admin::options`).

use crate::objects::admin::options::*;
use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use crate::objects::util::write_errstr;
use super::common::c_array;
use crate::error::KafkaError;
use libc::size_t;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

unsafe fn options_mut<'a>(p: *mut rd_kafka_AdminOptions_t) -> Option<&'a mut AdminOptions> {
    // SAFETY: p is NULL or a handle made by rd_kafka_AdminOptions_new.
    unsafe { (p as *mut AdminOptions).as_mut() }
}

fn null_options() -> KafkaError {
    KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "AdminOptions must not be NULL")
}

/// Sets an integer option, reporting failures through errstr.
unsafe fn set_with_errstr(options: *mut rd_kafka_AdminOptions_t, opt: Opt, v: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    // SAFETY: caller passes a valid handle or NULL.
    let r = match unsafe { options_mut(options) } {
        Some(o) => o.set_int(opt, v),
        None => Err(null_options()),
    };
    match r {
        Ok(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
        Err(e) => {
            // SAFETY: errstr is NULL or valid for errstr_size bytes.
            unsafe { write_errstr(errstr, errstr_size, &e.message) };
            e.code
        }
    }
}

/// Sets an integer option, reporting failures as an error object.
unsafe fn set_with_error(options: *mut rd_kafka_AdminOptions_t, opt: Opt, v: c_int) -> *mut rd_kafka_error_t {
    // SAFETY: caller passes a valid handle or NULL.
    let r = match unsafe { options_mut(options) } {
        Some(o) => o.set_int(opt, v),
        None => Err(null_options()),
    };
    r.err().map_or(ptr::null_mut(), ErrorObject::into_raw)
}

/// Creates options for the admin operation `for_api`; NULL if the operation is unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_new(rk: *mut rd_kafka_t, for_api: rd_kafka_admin_op_t) -> *mut rd_kafka_AdminOptions_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // The client's defaults (socket.timeout.ms) are applied when the
        // request runs, so the handle itself is not needed here.
        let _ = rk;
        if !(0..RD_KAFKA_ADMIN_OP__CNT).contains(&for_api) {
            return ptr::null_mut();
        }
        Box::into_raw(Box::new(AdminOptions::new(for_api))) as *mut rd_kafka_AdminOptions_t
    })
}

/// Frees an AdminOptions object (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_destroy(options: *mut rd_kafka_AdminOptions_t) {
    crate::ffi_guard!((), {
        if !options.is_null() {
            // SAFETY: the handle came from rd_kafka_AdminOptions_new.
            drop(unsafe { Box::from_raw(options as *mut AdminOptions) });
        }
    })
}

/// Sets the overall request timeout (0..3600000 ms).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_request_timeout(options: *mut rd_kafka_AdminOptions_t, timeout_ms: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_errstr(options, Opt::RequestTimeout, timeout_ms, errstr, errstr_size) }
    })
}

/// Sets how long the broker may take for the operation (-1..3600000 ms).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_operation_timeout(options: *mut rd_kafka_AdminOptions_t, timeout_ms: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_errstr(options, Opt::OperationTimeout, timeout_ms, errstr, errstr_size) }
    })
}

/// Asks the broker to only validate the request without applying it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_validate_only(options: *mut rd_kafka_AdminOptions_t, true_or_false: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_errstr(options, Opt::ValidateOnly, true_or_false, errstr, errstr_size) }
    })
}

/// Sends the request to this broker instead of the operation's default target.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_broker(options: *mut rd_kafka_AdminOptions_t, broker_id: i32, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_errstr(options, Opt::Broker, broker_id, errstr, errstr_size) }
    })
}

/// ListConsumerGroupOffsets: only return offsets of stable (committed) transactions.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_require_stable_offsets(options: *mut rd_kafka_AdminOptions_t, true_or_false: c_int) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_error(options, Opt::RequireStableOffsets, true_or_false) }
    })
}

/// Describe operations: also ask for the operations the client is authorized for.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_include_authorized_operations(options: *mut rd_kafka_AdminOptions_t, true_or_false: c_int) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_error(options, Opt::IncludeAuthorizedOperations, true_or_false) }
    })
}

/// ListConsumerGroups: only list groups in one of these states.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_match_consumer_group_states(options: *mut rd_kafka_AdminOptions_t, consumer_group_states: *const rd_kafka_consumer_group_state_t, consumer_group_states_cnt: size_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: the array is NULL or holds the given count.
        let states = unsafe { c_array(consumer_group_states, consumer_group_states_cnt) };
        // SAFETY: the handle is valid or NULL.
        let r = match unsafe { options_mut(options) } {
            Some(o) => o.set_match_states(states),
            None => Err(null_options()),
        };
        r.err().map_or(ptr::null_mut(), ErrorObject::into_raw)
    })
}

/// ListConsumerGroups: only list groups of one of these types.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_match_consumer_group_types(options: *mut rd_kafka_AdminOptions_t, consumer_group_types: *const rd_kafka_consumer_group_type_t, consumer_group_types_cnt: size_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: the array is NULL or holds the given count.
        let types = unsafe { c_array(consumer_group_types, consumer_group_types_cnt) };
        // SAFETY: the handle is valid or NULL.
        let r = match unsafe { options_mut(options) } {
            Some(o) => o.set_match_types(types),
            None => Err(null_options()),
        };
        r.err().map_or(ptr::null_mut(), ErrorObject::into_raw)
    })
}

/// ListOffsets: the isolation level to read offsets with.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_isolation_level(options: *mut rd_kafka_AdminOptions_t, value: rd_kafka_IsolationLevel_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: arguments checked by the helper.
        unsafe { set_with_error(options, Opt::IsolationLevel, value) }
    })
}

/// Sets the application opaque passed on to the result event.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_opaque(options: *mut rd_kafka_AdminOptions_t, ev_opaque: *mut c_void) {
    crate::ffi_guard!((), {
        // SAFETY: the handle is valid or NULL.
        if let Some(o) = unsafe { options_mut(options) } {
            o.opaque = ev_opaque as usize;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::error::{rd_kafka_error_code, rd_kafka_error_destroy, rd_kafka_error_string};
    use std::ffi::CStr;

    fn errstr_of(buf: &[c_char]) -> String {
        unsafe { CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned()
    }

    #[test]
    fn new_rejects_unknown_ops() {
        unsafe {
            assert!(rd_kafka_AdminOptions_new(ptr::null_mut(), -1).is_null());
            assert!(rd_kafka_AdminOptions_new(ptr::null_mut(), RD_KAFKA_ADMIN_OP__CNT).is_null());
            let o = rd_kafka_AdminOptions_new(ptr::null_mut(), RD_KAFKA_ADMIN_OP_ELECTLEADERS);
            assert!(!o.is_null());
            rd_kafka_AdminOptions_destroy(o);
        }
    }

    #[test]
    fn applicability_and_ranges() {
        unsafe {
            let mut buf = [0 as c_char; 256];
            let o = rd_kafka_AdminOptions_new(ptr::null_mut(), RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS);
            let err = rd_kafka_AdminOptions_set_validate_only(o, 1, buf.as_mut_ptr(), buf.len());
            assert_eq!(err, RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(errstr_of(&buf), "\"validate_only\" is not supported for this operation");
            let err = rd_kafka_AdminOptions_set_operation_timeout(o, 1000, buf.as_mut_ptr(), buf.len());
            assert_eq!(err, RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(rd_kafka_AdminOptions_set_request_timeout(o, 1234, buf.as_mut_ptr(), buf.len()), 0);
            let err = rd_kafka_AdminOptions_set_request_timeout(o, -5, buf.as_mut_ptr(), buf.len());
            assert_eq!(err, RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(errstr_of(&buf), "Invalid value type for \"request_timeout\": expecting integer in range 0..3600000");
            assert_eq!(rd_kafka_AdminOptions_set_broker(o, 3, buf.as_mut_ptr(), buf.len()), 0);
            assert_eq!(rd_kafka_AdminOptions_set_broker(o, -1, buf.as_mut_ptr(), buf.len()), RD_KAFKA_RESP_ERR__INVALID_ARG);
            let copy = AdminOptions::copy_from_ptr(o);
            assert_eq!(copy.request_timeout_ms, Some(1234));
            assert_eq!(copy.broker_id, Some(3));
            assert_eq!(copy.request_timeout(60000), 1234);
            // DescribeConfigs options have no operation timeout.
            assert_eq!(copy.operation_timeout(60000), 0);
            assert_eq!(AdminOptions::new(RD_KAFKA_ADMIN_OP_DELETETOPICS).operation_timeout(60000), 60000);

            let e = rd_kafka_AdminOptions_set_isolation_level(o, 1);
            assert_eq!(rd_kafka_error_code(e), RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(
                CStr::from_ptr(rd_kafka_error_string(e)).to_str().unwrap(),
                "\"isolation_level\" is not supported for this operation"
            );
            rd_kafka_error_destroy(e);
            rd_kafka_AdminOptions_destroy(o);
        }
    }

    #[test]
    fn any_accepts_everything() {
        unsafe {
            let mut buf = [0 as c_char; 256];
            let o = rd_kafka_AdminOptions_new(ptr::null_mut(), RD_KAFKA_ADMIN_OP_ANY);
            assert_eq!(rd_kafka_AdminOptions_set_validate_only(o, 1, buf.as_mut_ptr(), buf.len()), 0);
            assert_eq!(rd_kafka_AdminOptions_set_operation_timeout(o, -1, buf.as_mut_ptr(), buf.len()), 0);
            assert!(rd_kafka_AdminOptions_set_require_stable_offsets(o, 1).is_null());
            assert!(rd_kafka_AdminOptions_set_include_authorized_operations(o, 1).is_null());
            assert!(rd_kafka_AdminOptions_set_isolation_level(o, RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED).is_null());
            let e = rd_kafka_AdminOptions_set_isolation_level(o, 2);
            assert_eq!(rd_kafka_error_code(e), RD_KAFKA_RESP_ERR__INVALID_ARG);
            rd_kafka_error_destroy(e);
            let states = [RD_KAFKA_CONSUMER_GROUP_STATE_STABLE, RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY];
            assert!(rd_kafka_AdminOptions_set_match_consumer_group_states(o, states.as_ptr(), 2).is_null());
            let types = [RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC];
            assert!(rd_kafka_AdminOptions_set_match_consumer_group_types(o, types.as_ptr(), 1).is_null());
            rd_kafka_AdminOptions_set_opaque(o, 0x1234 as *mut c_void);
            let c = AdminOptions::copy_from_ptr(o);
            assert!(c.validate_only && c.require_stable_offsets && c.include_authorized_operations);
            assert_eq!(c.operation_timeout_ms, Some(-1));
            assert_eq!(c.isolation_level, RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED);
            assert_eq!(c.match_consumer_group_states, Some(states.to_vec()));
            assert_eq!(c.match_consumer_group_types, Some(types.to_vec()));
            assert_eq!(c.opaque_ptr(), 0x1234 as *mut c_void);
            rd_kafka_AdminOptions_destroy(o);
        }
    }

    #[test]
    fn null_handles_are_safe() {
        unsafe {
            let mut buf = [0 as c_char; 64];
            assert_eq!(
                rd_kafka_AdminOptions_set_request_timeout(ptr::null_mut(), 1, buf.as_mut_ptr(), buf.len()),
                RD_KAFKA_RESP_ERR__INVALID_ARG
            );
            let e = rd_kafka_AdminOptions_set_require_stable_offsets(ptr::null_mut(), 1);
            assert_eq!(rd_kafka_error_code(e), RD_KAFKA_RESP_ERR__INVALID_ARG);
            rd_kafka_error_destroy(e);
            rd_kafka_AdminOptions_set_opaque(ptr::null_mut(), ptr::null_mut());
            rd_kafka_AdminOptions_destroy(ptr::null_mut());
            assert_eq!(AdminOptions::copy_from_ptr(ptr::null()).for_api, RD_KAFKA_ADMIN_OP_ANY);
        }
    }
}
