//! Admin API: ACL bindings and the ACL operations.
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
pub unsafe extern "C" fn rd_kafka_ResourcePatternType_name(resource_pattern_type: rd_kafka_ResourcePatternType_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ResourceType_name(restype: rd_kafka_ResourceType_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_acl_result_error(aclres: *const rd_kafka_acl_result_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_acl_result_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclOperation_name(acl_operation: rd_kafka_AclOperation_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclPermissionType_name(acl_permission_type: rd_kafka_AclPermissionType_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_new(restype: rd_kafka_ResourceType_t, name: *const c_char, resource_pattern_type: rd_kafka_ResourcePatternType_t, principal: *const c_char, host: *const c_char, operation: rd_kafka_AclOperation_t, permission_type: rd_kafka_AclPermissionType_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_AclBinding_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBindingFilter_new(restype: rd_kafka_ResourceType_t, name: *const c_char, resource_pattern_type: rd_kafka_ResourcePatternType_t, principal: *const c_char, host: *const c_char, operation: rd_kafka_AclOperation_t, permission_type: rd_kafka_AclPermissionType_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_AclBindingFilter_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_restype(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_ResourceType_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_name(acl: *const rd_kafka_AclBinding_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_principal(acl: *const rd_kafka_AclBinding_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_host(acl: *const rd_kafka_AclBinding_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_operation(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_AclOperation_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_permission_type(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_AclPermissionType_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_resource_pattern_type(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_ResourcePatternType_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_error(acl: *const rd_kafka_AclBinding_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AclBinding_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_destroy(acl_binding: *mut rd_kafka_AclBinding_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_destroy_array(acl_bindings: *mut *mut rd_kafka_AclBinding_t, acl_bindings_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateAcls_result_acls(result: *const rd_kafka_CreateAcls_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_acl_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateAcls(rk: *mut rd_kafka_t, new_acls: *mut *mut rd_kafka_AclBinding_t, new_acls_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeAcls_result_acls(result: *const rd_kafka_DescribeAcls_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_AclBinding_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeAcls(rk: *mut rd_kafka_t, acl_filter: *mut rd_kafka_AclBindingFilter_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls_result_responses(result: *const rd_kafka_DeleteAcls_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_DeleteAcls_result_response_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls_result_response_error(result_response: *const rd_kafka_DeleteAcls_result_response_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_DeleteAcls_result_response_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls_result_response_matching_acls(result_response: *const rd_kafka_DeleteAcls_result_response_t, matching_acls_cntp: *mut size_t) -> *mut *const rd_kafka_AclBinding_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls(rk: *mut rd_kafka_t, del_acls: *mut *mut rd_kafka_AclBindingFilter_t, del_acls_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}
