//! Admin API: config resources and entries, Describe/AlterConfigs.
#![allow(unused_variables)]

use super::super::types::*;
use crate::ffi_stub;
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use super::super::error::not_implemented_error;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigSource_name(confsource: rd_kafka_ConfigSource_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_name(entry: *const rd_kafka_ConfigEntry_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_value(entry: *const rd_kafka_ConfigEntry_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_source(entry: *const rd_kafka_ConfigEntry_t) -> rd_kafka_ConfigSource_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_read_only(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_default(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_sensitive(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_synonym(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_synonyms(entry: *const rd_kafka_ConfigEntry_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigEntry_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_new(restype: rd_kafka_ResourceType_t, resname: *const c_char) -> *mut rd_kafka_ConfigResource_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_destroy(config: *mut rd_kafka_ConfigResource_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_destroy_array(config: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_set_config(config: *mut rd_kafka_ConfigResource_t, name: *const c_char, value: *const c_char) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_add_incremental_config(config: *mut rd_kafka_ConfigResource_t, name: *const c_char, op_type: rd_kafka_AlterConfigOpType_t, value: *const c_char) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_ConfigResource_add_incremental_config"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_configs(config: *const rd_kafka_ConfigResource_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigEntry_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_type(config: *const rd_kafka_ConfigResource_t) -> rd_kafka_ResourceType_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_name(config: *const rd_kafka_ConfigResource_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_error(config: *const rd_kafka_ConfigResource_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_error_string(config: *const rd_kafka_ConfigResource_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConfigs(rk: *mut rd_kafka_t, configs: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConfigs_result_resources(result: *const rd_kafka_AlterConfigs_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_IncrementalAlterConfigs(rk: *mut rd_kafka_t, configs: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_IncrementalAlterConfigs_result_resources(result: *const rd_kafka_IncrementalAlterConfigs_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConfigs(rk: *mut rd_kafka_t, configs: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConfigs_result_resources(result: *const rd_kafka_DescribeConfigs_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    ffi_stub!(ptr::null_mut())
}
