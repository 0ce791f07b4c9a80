//! Admin API: the C functions of DescribeCluster. The objects are in
//! `objects::admin::cluster`.
#![allow(unused_variables)]

use crate::objects::admin::cluster::*;
use crate::objects::types::*;
use super::common::*;
use libc::size_t;
use std::os::raw::c_char;
use std::ptr;

unsafe fn description<'a>(result: *const rd_kafka_DescribeCluster_result_t) -> Option<&'a ClusterDescriptionObj> {
    // SAFETY: result NULL or an event.
    unsafe { payload::<DescribeClusterPayload>(result, RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT) }.and_then(|p| p.0.as_ref())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster(rk: *mut rd_kafka_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT, "rd_kafka_DescribeCluster") }
    })
}

/// The brokers of the cluster (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_nodes(result: *const rd_kafka_DescribeCluster_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(description(result).map(|d| &d.nodes), cntp) }
    })
}

/// The operations the client may perform on the cluster; NULL when they were not requested.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_authorized_operations(result: *const rd_kafka_DescribeCluster_result_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        match unsafe { description(result) } {
            Some(d) => unsafe { d.authorized_operations.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null()
            }
        }
    })
}

/// The controller broker, NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_controller(result: *const rd_kafka_DescribeCluster_result_t) -> *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: result NULL or an event.
        unsafe { description(result) }.and_then(|d| d.controller.as_ref()).map_or(ptr::null(), |n| n.as_handle())
    })
}

/// The cluster id (NULL when the broker did not report one).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeCluster_result_cluster_id(result: *const rd_kafka_DescribeCluster_result_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: result NULL or an event.
        unsafe { description(result) }.map_or(ptr::null(), |d| opt_ptr(&d.cluster_id))
    })
}
