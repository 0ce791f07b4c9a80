//! Global and topic configuration objects and their callback setters.
#![allow(unused_variables)]

use super::types::*;
use crate::ffi_stub;
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use super::error::not_implemented_error;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_new() -> *mut rd_kafka_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_destroy(conf: *mut rd_kafka_conf_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dup(conf: *const rd_kafka_conf_t) -> *mut rd_kafka_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dup_filter(conf: *const rd_kafka_conf_t, filter_cnt: size_t, filter: *mut *const c_char) -> *mut rd_kafka_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf(rk: *mut rd_kafka_t) -> *const rd_kafka_conf_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set(conf: *mut rd_kafka_conf_t, name: *const c_char, value: *const c_char, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_conf_res_t {
    ffi_stub!(RD_KAFKA_CONF_INVALID)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_events(conf: *mut rd_kafka_conf_t, events: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_background_event_cb(conf: *mut rd_kafka_conf_t, event_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_event_t, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_dr_cb(conf: *mut rd_kafka_conf_t, dr_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void, size_t, rd_kafka_resp_err_t, *mut c_void, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_dr_msg_cb(conf: *mut rd_kafka_conf_t, dr_msg_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_message_t, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_consume_cb(conf: *mut rd_kafka_conf_t, consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_rebalance_cb(conf: *mut rd_kafka_conf_t, rebalance_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_offset_commit_cb(conf: *mut rd_kafka_conf_t, offset_commit_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_error_cb(conf: *mut rd_kafka_conf_t, error_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_throttle_cb(conf: *mut rd_kafka_conf_t, throttle_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, i32, c_int, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_log_cb(conf: *mut rd_kafka_conf_t, log_cb: Option<unsafe extern "C" fn(*const rd_kafka_t, c_int, *const c_char, *const c_char)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_stats_cb(conf: *mut rd_kafka_conf_t, stats_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_char, size_t, *mut c_void) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf: *mut rd_kafka_conf_t, oauthbearer_token_refresh_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, *mut c_void)>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_enable_sasl_queue(conf: *mut rd_kafka_conf_t, enable: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_socket_cb(conf: *mut rd_kafka_conf_t, socket_cb: Option<unsafe extern "C" fn(c_int, c_int, c_int, *mut c_void) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_connect_cb(conf: *mut rd_kafka_conf_t, connect_cb: Option<unsafe extern "C" fn(c_int, *const sockaddr, c_int, *const c_char, *mut c_void) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_closesocket_cb(conf: *mut rd_kafka_conf_t, closesocket_cb: Option<unsafe extern "C" fn(c_int, *mut c_void) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_open_cb(conf: *mut rd_kafka_conf_t, open_cb: Option<unsafe extern "C" fn(*const c_char, c_int, mode_t, *mut c_void) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_resolve_cb(conf: *mut rd_kafka_conf_t, resolve_cb: Option<unsafe extern "C" fn(*const c_char, *const c_char, *const addrinfo, *mut *mut addrinfo, *mut c_void) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_ssl_cert_verify_cb(conf: *mut rd_kafka_conf_t, ssl_cert_verify_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, i32, *mut c_int, c_int, *const c_char, size_t, *mut c_char, size_t, *mut c_void) -> c_int>) -> rd_kafka_conf_res_t {
    ffi_stub!(RD_KAFKA_CONF_INVALID)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_ssl_cert(conf: *mut rd_kafka_conf_t, cert_type: rd_kafka_cert_type_t, cert_enc: rd_kafka_cert_enc_t, buffer: *const c_void, size: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_conf_res_t {
    ffi_stub!(RD_KAFKA_CONF_INVALID)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_engine_callback_data(conf: *mut rd_kafka_conf_t, callback_data: *mut c_void) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_opaque(conf: *mut rd_kafka_conf_t, opaque: *mut c_void) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_default_topic_conf(conf: *mut rd_kafka_conf_t, tconf: *mut rd_kafka_topic_conf_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_get_default_topic_conf(conf: *mut rd_kafka_conf_t) -> *mut rd_kafka_topic_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_get(conf: *const rd_kafka_conf_t, name: *const c_char, dest: *mut c_char, dest_size: *mut size_t) -> rd_kafka_conf_res_t {
    ffi_stub!(RD_KAFKA_CONF_INVALID)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_get(conf: *const rd_kafka_topic_conf_t, name: *const c_char, dest: *mut c_char, dest_size: *mut size_t) -> rd_kafka_conf_res_t {
    ffi_stub!(RD_KAFKA_CONF_INVALID)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dump(conf: *mut rd_kafka_conf_t, cntp: *mut size_t) -> *mut *const c_char {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_dump(conf: *mut rd_kafka_topic_conf_t, cntp: *mut size_t) -> *mut *const c_char {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dump_free(arr: *mut *const c_char, cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_properties_show(fp: *mut FILE) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_new() -> *mut rd_kafka_topic_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_dup(conf: *const rd_kafka_topic_conf_t) -> *mut rd_kafka_topic_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_default_topic_conf_dup(rk: *mut rd_kafka_t) -> *mut rd_kafka_topic_conf_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_destroy(topic_conf: *mut rd_kafka_topic_conf_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set(conf: *mut rd_kafka_topic_conf_t, name: *const c_char, value: *const c_char, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_conf_res_t {
    ffi_stub!(RD_KAFKA_CONF_INVALID)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set_opaque(conf: *mut rd_kafka_topic_conf_t, rkt_opaque: *mut c_void) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set_partitioner_cb(topic_conf: *mut rd_kafka_topic_conf_t, partitioner: Option<unsafe extern "C" fn(*const rd_kafka_topic_t, *const c_void, size_t, i32, *mut c_void, *mut c_void) -> i32>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set_msg_order_cmp(topic_conf: *mut rd_kafka_topic_conf_t, msg_order_cmp: Option<unsafe extern "C" fn(*const rd_kafka_message_t, *const rd_kafka_message_t) -> c_int>) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_conf_set(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_conf_set: Option<unsafe extern "C" fn(*mut rd_kafka_conf_t, *const c_char, *const c_char, *mut c_char, size_t, *mut c_void) -> rd_kafka_conf_res_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_conf_dup(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_conf_dup: Option<unsafe extern "C" fn(*mut rd_kafka_conf_t, *const rd_kafka_conf_t, size_t, *mut *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_conf_destroy(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_conf_destroy: Option<unsafe extern "C" fn(*mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_new(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_new: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_conf_t, *mut c_void, *mut c_char, size_t) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}
