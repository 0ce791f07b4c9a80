//! The share consumer API (KIP-932).
#![allow(unused_variables)]

use crate::objects::types::*;
use crate::ffi_stub;
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use crate::objects::error::not_implemented_error;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_queue_get_sasl(rkshare: *mut rd_kafka_share_t) -> *mut rd_kafka_queue_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_oauthbearer_set_token(rkshare: *mut rd_kafka_share_t, token_value: *const c_char, md_lifetime_ms: i64, md_principal_name: *const c_char, extensions: *mut *const c_char, extension_size: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_oauthbearer_set_token_failure(rkshare: *mut rd_kafka_share_t, errstr: *const c_char) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_partition_offsets_list_count(list: *const rd_kafka_share_partition_offsets_list_t) -> size_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_partition_offsets_list_get(list: *const rd_kafka_share_partition_offsets_list_t, index: size_t) -> *const rd_kafka_share_partition_offsets_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_partition_offsets_list_destroy(list: *mut rd_kafka_share_partition_offsets_list_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_partition_offsets_partition(partition_offsets: *const rd_kafka_share_partition_offsets_t) -> *const rd_kafka_topic_partition_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_partition_offsets_offsets(partition_offsets: *const rd_kafka_share_partition_offsets_t) -> *const i64 {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_partition_offsets_offsets_cnt(partition_offsets: *const rd_kafka_share_partition_offsets_t) -> size_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_consumer_new(conf: *mut rd_kafka_conf_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_share_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_set_acknowledgement_commit_cb(rkshare: *mut rd_kafka_share_t, share_acknowledgement_commit_cb: Option<unsafe extern "C" fn(*mut rd_kafka_share_t, *mut rd_kafka_share_partition_offsets_list_t, rd_kafka_resp_err_t, *mut c_void)>, opaque: *mut c_void) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_set_acknowledgement_commit_cb"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_subscribe(rkshare: *mut rd_kafka_share_t, topics: *const rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_unsubscribe(rkshare: *mut rd_kafka_share_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_subscription(rkshare: *mut rd_kafka_share_t, topics: *mut *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_poll(rkshare: *mut rd_kafka_share_t, timeout_ms: c_int, rkmessages: *mut *mut rd_kafka_messages_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_poll"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_acknowledge(rkshare: *mut rd_kafka_share_t, rkmessage: *const rd_kafka_message_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_acknowledge_type(rkshare: *mut rd_kafka_share_t, rkmessage: *const rd_kafka_message_t, type_: rd_kafka_share_AcknowledgeType_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_acknowledge_offset(rkshare: *mut rd_kafka_share_t, topic: *const c_char, partition: i32, offset: i64, type_: rd_kafka_share_AcknowledgeType_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_commit_async(rkshare: *mut rd_kafka_share_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_commit_async"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_commit_sync(rkshare: *mut rd_kafka_share_t, timeout_ms: c_int, partitions: *mut *mut rd_kafka_topic_partition_list_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_commit_sync"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_consumer_close(rkshare: *mut rd_kafka_share_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_consumer_close"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_consumer_close_queue(rkshare: *mut rd_kafka_share_t, rkqu: *mut rd_kafka_queue_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_consumer_close_queue"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_consumer_closed(rkshare: *mut rd_kafka_share_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_destroy(rkshare: *mut rd_kafka_share_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_destroy"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_destroy_flags(rkshare: *mut rd_kafka_share_t, flags: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_destroy_flags"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_set_log_queue(rkshare: *mut rd_kafka_share_t, rkqu: *mut rd_kafka_queue_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_set_log_queue"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_sasl_background_callbacks_enable(rkshare: *mut rd_kafka_share_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_sasl_background_callbacks_enable"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_share_sasl_set_credentials(rkshare: *mut rd_kafka_share_t, username: *const c_char, password: *const c_char) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_share_sasl_set_credentials"))
}
