//! Admin API: SCRAM user credentials.
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
pub unsafe extern "C" fn rd_kafka_ScramCredentialInfo_mechanism(scram_credential_info: *const rd_kafka_ScramCredentialInfo_t) -> rd_kafka_ScramMechanism_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ScramCredentialInfo_iterations(scram_credential_info: *const rd_kafka_ScramCredentialInfo_t) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_user(description: *const rd_kafka_UserScramCredentialsDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_error(description: *const rd_kafka_UserScramCredentialsDescription_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_UserScramCredentialsDescription_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_scramcredentialinfo_count(description: *const rd_kafka_UserScramCredentialsDescription_t) -> size_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_scramcredentialinfo(description: *const rd_kafka_UserScramCredentialsDescription_t, idx: size_t) -> *const rd_kafka_ScramCredentialInfo_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeUserScramCredentials_result_descriptions(result: *const rd_kafka_DescribeUserScramCredentials_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_UserScramCredentialsDescription_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeUserScramCredentials(rk: *mut rd_kafka_t, users: *mut *const c_char, user_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialUpsertion_new(username: *const c_char, mechanism: rd_kafka_ScramMechanism_t, iterations: i32, password: *const c_uchar, password_size: size_t, salt: *const c_uchar, salt_size: size_t) -> *mut rd_kafka_UserScramCredentialAlteration_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialDeletion_new(username: *const c_char, mechanism: rd_kafka_ScramMechanism_t) -> *mut rd_kafka_UserScramCredentialAlteration_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialAlteration_destroy(alteration: *mut rd_kafka_UserScramCredentialAlteration_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialAlteration_destroy_array(alterations: *mut *mut rd_kafka_UserScramCredentialAlteration_t, alteration_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials_result_response_user(response: *const rd_kafka_AlterUserScramCredentials_result_response_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials_result_response_error(response: *const rd_kafka_AlterUserScramCredentials_result_response_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AlterUserScramCredentials_result_response_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials_result_responses(result: *const rd_kafka_AlterUserScramCredentials_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_AlterUserScramCredentials_result_response_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials(rk: *mut rd_kafka_t, alterations: *mut *mut rd_kafka_UserScramCredentialAlteration_t, alteration_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}
