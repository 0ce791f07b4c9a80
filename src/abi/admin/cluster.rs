//! Admin API: DescribeCluster.
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
pub unsafe extern "C" fn rd_kafka_DescribeCluster(rk: *mut rd_kafka_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_nodes(result: *const rd_kafka_DescribeCluster_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_authorized_operations(result: *const rd_kafka_DescribeCluster_result_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_controller(result: *const rd_kafka_DescribeCluster_result_t) -> *const rd_kafka_Node_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_cluster_id(result: *const rd_kafka_DescribeCluster_result_t) -> *const c_char {
    ffi_stub!(ptr::null())
}
