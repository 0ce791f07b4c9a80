//! SASL credentials and OAUTHBEARER tokens.
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
pub unsafe extern "C" fn rd_kafka_sasl_background_callbacks_enable(rk: *mut rd_kafka_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_sasl_background_callbacks_enable"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_sasl_set_credentials(rk: *mut rd_kafka_t, username: *const c_char, password: *const c_char) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_sasl_set_credentials"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_oauthbearer_set_token(rk: *mut rd_kafka_t, token_value: *const c_char, md_lifetime_ms: i64, md_principal_name: *const c_char, extensions: *mut *const c_char, extension_size: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_oauthbearer_set_token_failure(rk: *mut rd_kafka_t, errstr: *const c_char) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}
