//! The mock cluster API (rdkafka_mock.h): thin wrappers around
//! [`crate::mock::MockCluster`]. An `rd_kafka_mock_cluster_t *` points to a
//! [`MockHandle`]; request records and target assignments are plain heap
//! objects owned by the caller until destroyed.
#![allow(unused_variables)]

use crate::objects::types::*;
use crate::objects::util::cstr;
use crate::mock::{self, MockCluster, MockHandle};
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use crate::objects::error::not_implemented_error;

/// The C layout of an rd_kafka_mock_request_t.
#[repr(C)]
struct MockRequest {
    id: i32,
    api_key: i16,
    timestamp: i64,
}

/// What an rd_kafka_mock_cgrp_consumer_target_assignment_t holds.
struct TargetAssignment(Vec<(String, Vec<(String, i32)>)>);

/// The cluster behind a C handle (None for NULL).
unsafe fn mc<'a>(h: *const rd_kafka_mock_cluster_t) -> Option<&'a MockCluster> {
    // SAFETY: non-NULL handles come from rd_kafka_mock_cluster_new or the
    // client registry and stay valid until destroyed.
    unsafe { (h as *const MockHandle).as_ref() }.map(|h| &*h.cluster)
}

/// A C string argument as an owned String.
unsafe fn s(p: *const c_char) -> Option<String> {
    // SAFETY: the caller passes NULL or a NUL-terminated string.
    unsafe { cstr(p) }.map(|c| c.into_owned())
}

fn code(r: Result<(), i32>) -> rd_kafka_resp_err_t {
    match r {
        Ok(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
        Err(e) => e,
    }
}

/// Starts a mock cluster of broker_cnt brokers (ids 1..broker_cnt) on loopback ports; rk is only remembered for rd_kafka_mock_cluster_handle().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_new(rk: *mut rd_kafka_t, broker_cnt: c_int) -> *mut rd_kafka_mock_cluster_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if broker_cnt < 0 {
            return ptr::null_mut();
        }
        match MockCluster::new(broker_cnt as usize) {
            Ok(c) => Box::into_raw(MockHandle::new(std::sync::Arc::new(c), rk as *mut c_void, false)) as *mut rd_kafka_mock_cluster_t,
            Err(_) => ptr::null_mut(),
        }
    })
}

/// Stops a cluster made by rd_kafka_mock_cluster_new(), closing its listeners and connections.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_destroy(mcluster: *mut rd_kafka_mock_cluster_t) {
    crate::ffi_guard!((), {
        let h = mcluster as *mut MockHandle;
        // SAFETY: non-NULL handles come from rd_kafka_mock_cluster_new() or
        // the client registry.
        if let Some(hr) = unsafe { h.as_ref() } {
            if !hr.client_owned {
                // SAFETY: created by Box::into_raw in rd_kafka_mock_cluster_new.
                drop(unsafe { Box::from_raw(h) });
            }
        }
    })
}

/// Returns the rd_kafka_t the cluster was created with.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_handle(mcluster: *const rd_kafka_mock_cluster_t) -> *mut rd_kafka_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: see mc().
        unsafe { (mcluster as *const MockHandle).as_ref() }.map_or(ptr::null_mut(), |h| h.rk as *mut rd_kafka_t)
    })
}

/// Returns the cluster a client created for itself with test.mock.num.brokers, or NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_handle_mock_cluster(rk: *const rd_kafka_t) -> *mut rd_kafka_mock_cluster_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if rk.is_null() {
            return ptr::null_mut();
        }
        mock::client_cluster_handle(rk as *const c_void) as *mut rd_kafka_mock_cluster_t
    })
}

/// Returns the cluster's bootstrap.servers list ("127.0.0.1:port,..."), valid while the cluster lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_bootstraps(mcluster: *const rd_kafka_mock_cluster_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: see mc().
        unsafe { (mcluster as *const MockHandle).as_ref() }.map_or(ptr::null(), |h| h.bootstraps.as_ptr())
    })
}

/// Forgets the cluster-wide injected errors of ApiKey.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_clear_request_errors(mcluster: *mut rd_kafka_mock_cluster_t, ApiKey: i16) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.clear_request_errors(ApiKey);
        }
    })
}

/// Makes the next cnt requests of type ApiKey, on any broker, fail with errors[0], errors[1], ... (__TRANSPORT disconnects).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_push_request_errors_array(mcluster: *mut rd_kafka_mock_cluster_t, ApiKey: i16, cnt: size_t, errors: *const rd_kafka_resp_err_t) {
    crate::ffi_guard!((), {
        let Some(c) = (unsafe { mc(mcluster) }) else { return };
        if cnt == 0 || errors.is_null() {
            return;
        }
        // SAFETY: the caller passes cnt error codes.
        let errs = unsafe { std::slice::from_raw_parts(errors, cnt) };
        c.push_request_errors(ApiKey, errs);
    })
}

/// Sets group.initial.rebalance.delay.ms for every broker of the cluster.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_group_initial_rebalance_delay_ms(mcluster: *mut rd_kafka_mock_cluster_t, delay_ms: i32) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.group_initial_rebalance_delay_ms(delay_ms);
        }
    })
}

/// Sets the controller id reported in Metadata (-1: no controller).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_controller_id(mcluster: *mut rd_kafka_mock_cluster_t, controller_id: i32) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.set_controller_id(controller_id);
        }
    })
}

/// Stores in *cntp how many injected errors broker_id has left for ApiKey.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_error_stack_cnt(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, ApiKey: i16, cntp: *mut size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if cntp.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        match c.broker_error_stack_cnt(broker_id, ApiKey) {
            Ok(n) => {
                // SAFETY: checked non-NULL above.
                unsafe { *cntp = n };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            Err(e) => e,
        }
    })
}

/// Makes Metadata and AddPartitionsToTxn report err for the topic (created if needed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_topic_set_error(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, err: rd_kafka_resp_err_t) {
    crate::ffi_guard!((), {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else { return };
        c.topic_set_error(&t, err);
    })
}

/// Creates a topic with partition_cnt partitions and replication_factor replicas.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_topic_create(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition_cnt: c_int, replication_factor: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.create_topic(&t, partition_cnt, replication_factor))
    })
}

/// Deletes a topic and its partitions (UNKNOWN_TOPIC_OR_PART if there is none).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_topic_delete(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.delete_topic(&t))
    })
}

/// Deletes the records of a partition before before_offset, moving its start offset there.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_delete_records(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, before_offset: i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.partition_delete_records(&t, partition, before_offset))
    })
}

/// Moves a partition's leader to broker_id (-1: no leader), creating the topic if needed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_set_leader(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.partition_set_leader(&t, partition, broker_id))
    })
}

/// Sets a partition's preferred read replica (any broker id), creating the topic if needed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_set_follower(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.partition_set_follower(&t, partition, broker_id))
    })
}

/// Sets the low and high watermarks seen on the follower (-1: the leader's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_set_follower_wmarks(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, lo: i64, hi: i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.partition_set_follower_wmarks(&t, partition, lo, hi))
    })
}

/// Queues a leader id and epoch to report for the partition in the next Metadata response.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_push_leader_response(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: c_int, leader_id: i32, leader_epoch: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.partition_push_leader_response(&t, partition, leader_id, leader_epoch))
    })
}

/// Closes a broker's connections and refuses new ones (-1: every broker); leaders do not move.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_down(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.broker_set_down(broker_id))
    })
}

/// Changes the host and port a broker advertises in Metadata and FindCoordinator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_host_port(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, host: *const c_char, port: c_int) {
    crate::ffi_guard!((), {
        let (Some(c), Some(h)) = (unsafe { mc(mcluster) }, unsafe { s(host) }) else { return };
        c.broker_set_host_port(broker_id, &h, port);
    })
}

/// Lets a broker accept connections again, on its old port (-1: every broker).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_up(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.broker_set_up(broker_id))
    })
}

/// Delays every response of a broker (-1: every broker) by rtt_ms milliseconds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_rtt(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, rtt_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.broker_set_rtt(broker_id, rtt_ms))
    })
}

/// ferrokafka extension (librdkafka's mock cluster has no such function):
/// makes a broker (-1: every broker) report a quota throttle time of
/// throttle_ms in its Produce and Fetch responses, as a broker enforcing a
/// client quota does (0 ends it). Clients see it through throttle_cb and the
/// statistics' throttle window. Returns RD_KAFKA_RESP_ERR__INVALID_ARG for a
/// negative time or an unknown broker.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferrokafka_mock_broker_set_throttle(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, throttle_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if throttle_ms < 0 {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        code(c.broker_set_throttle(broker_id, throttle_ms))
    })
}

/// Sets the rack a broker (-1: every broker) reports in Metadata.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_rack(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, rack: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let r = unsafe { s(rack) };
        code(c.broker_set_rack(broker_id, r.as_deref()))
    })
}

/// Removes a broker from the cluster; its partitions move to the other brokers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_decommission(cluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(cluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.broker_decommission(broker_id))
    })
}

/// Hides a broker from Metadata without closing its connections; its partitions move elsewhere.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_remove_from_metadata(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.broker_remove_from_metadata(broker_id))
    })
}

/// Adds a broker with a new listener; partitions are spread over it too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_add(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.broker_add(broker_id))
    })
}

/// Sets the coordinator broker of a group (key_type "group") or transactional id ("transaction").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_coordinator_set(mcluster: *mut rd_kafka_mock_cluster_t, key_type: *const c_char, key: *const c_char, broker_id: i32) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(kt), Some(k)) = (unsafe { mc(mcluster) }, unsafe { s(key_type) }, unsafe { s(key) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        code(c.coordinator_set(&kt, &k, broker_id))
    })
}

/// Limits the versions served for ApiKey to MinVersion..MaxVersion (-1, -1 disables it).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_apiversion(mcluster: *mut rd_kafka_mock_cluster_t, ApiKey: i16, MinVersion: i16, MaxVersion: i16) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.set_apiversion(ApiKey, MinVersion, MaxVersion))
    })
}

/// Starts recording the requests the brokers receive (clearing earlier records).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_start_request_tracking(mcluster: *mut rd_kafka_mock_cluster_t) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.start_request_tracking();
        }
    })
}

/// Stops recording requests.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_stop_request_tracking(mcluster: *mut rd_kafka_mock_cluster_t) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.stop_request_tracking();
        }
    })
}

/// Frees one request record from rd_kafka_mock_get_requests().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_destroy(mreq: *mut rd_kafka_mock_request_t) {
    crate::ffi_guard!((), {
        // SAFETY: NULL or an element allocated by rd_kafka_mock_get_requests.
        unsafe { libc::free(mreq as *mut c_void) };
    })
}

/// Frees mreq_cnt request records and the array holding them.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_destroy_array(mreqs: *mut *mut rd_kafka_mock_request_t, mreq_cnt: size_t) {
    crate::ffi_guard!((), {
        if mreqs.is_null() {
            return;
        }
        for i in 0..mreq_cnt {
            // SAFETY: the array from rd_kafka_mock_get_requests has mreq_cnt elements.
            unsafe { libc::free(*mreqs.add(i) as *mut c_void) };
        }
        // SAFETY: allocated with calloc by rd_kafka_mock_get_requests.
        unsafe { libc::free(mreqs as *mut c_void) };
    })
}

/// Returns the id of the broker that received the request.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_id(mreq: *mut rd_kafka_mock_request_t) -> i32 {
    crate::ffi_guard!(-1, {
        // SAFETY: NULL or a record from rd_kafka_mock_get_requests.
        unsafe { (mreq as *const MockRequest).as_ref() }.map_or(-1, |r| r.id)
    })
}

/// Returns the request's ApiKey.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_api_key(mreq: *mut rd_kafka_mock_request_t) -> i16 {
    crate::ffi_guard!(-1, {
        // SAFETY: NULL or a record from rd_kafka_mock_get_requests.
        unsafe { (mreq as *const MockRequest).as_ref() }.map_or(-1, |r| r.api_key)
    })
}

/// Returns when the request was received, in microseconds of the monotonic clock.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_timestamp(mreq: *mut rd_kafka_mock_request_t) -> i64 {
    crate::ffi_guard!(-1, {
        // SAFETY: NULL or a record from rd_kafka_mock_get_requests.
        unsafe { (mreq as *const MockRequest).as_ref() }.map_or(-1, |r| r.timestamp)
    })
}

/// Returns a copy of the recorded requests (count in *cntp); free with rd_kafka_mock_request_destroy_array().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_get_requests(mcluster: *mut rd_kafka_mock_cluster_t, cntp: *mut size_t) -> *mut *mut rd_kafka_mock_request_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if !cntp.is_null() {
            // SAFETY: checked non-NULL.
            unsafe { *cntp = 0 };
        }
        let Some(c) = (unsafe { mc(mcluster) }) else { return ptr::null_mut() };
        let reqs = c.get_requests();
        if !cntp.is_null() {
            // SAFETY: checked non-NULL.
            unsafe { *cntp = reqs.len() };
        }
        if reqs.is_empty() {
            return ptr::null_mut();
        }
        // SAFETY: plain C allocations, filled before being returned.
        unsafe {
            let arr = libc::calloc(reqs.len(), std::mem::size_of::<*mut MockRequest>()) as *mut *mut rd_kafka_mock_request_t;
            if arr.is_null() {
                return ptr::null_mut();
            }
            for (i, r) in reqs.iter().enumerate() {
                let e = libc::malloc(std::mem::size_of::<MockRequest>()) as *mut MockRequest;
                if !e.is_null() {
                    e.write(MockRequest { id: r.broker_id, api_key: r.api_key, timestamp: r.timestamp_us });
                }
                *arr.add(i) = e as *mut rd_kafka_mock_request_t;
            }
            arr
        }
    })
}

/// Forgets the recorded requests.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_clear_requests(mcluster: *mut rd_kafka_mock_cluster_t) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.clear_requests();
        }
    })
}

/// Sets the metric name prefixes brokers request from telemetry clients (none if metrics is NULL, all if the first is "").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_telemetry_set_requested_metrics(mcluster: *mut rd_kafka_mock_cluster_t, metrics: *mut *mut c_char, metrics_cnt: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let mut v = Vec::new();
        if !metrics.is_null() {
            for i in 0..metrics_cnt {
                // SAFETY: the caller passes metrics_cnt strings.
                if let Some(m) = unsafe { s(*metrics.add(i)) } {
                    v.push(m);
                }
            }
        }
        c.telemetry_set_requested_metrics(v);
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Sets the telemetry push interval given to clients (must be positive).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_telemetry_set_push_interval(mcluster: *mut rd_kafka_mock_cluster_t, push_interval_ms: i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        code(c.telemetry_set_push_interval(push_interval_ms))
    })
}

/// Builds a KIP-848 target assignment: member_ids[i] gets the partitions of assignment[i].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cgrp_consumer_target_assignment_new(member_ids: *mut *mut c_char, member_cnt: c_int, assignment: *mut *mut rd_kafka_topic_partition_list_t) -> *mut rd_kafka_mock_cgrp_consumer_target_assignment_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if member_cnt < 0 || (member_cnt > 0 && (member_ids.is_null() || assignment.is_null())) {
            return ptr::null_mut();
        }
        let mut v = Vec::new();
        for i in 0..member_cnt as usize {
            // SAFETY: the caller passes member_cnt ids and lists.
            let (id, tpl) = unsafe { (s(*member_ids.add(i)), (*assignment.add(i)).as_ref()) };
            let Some(id) = id else { return ptr::null_mut() };
            let mut parts = Vec::new();
            if let Some(l) = tpl {
                for j in 0..l.cnt.max(0) as usize {
                    // SAFETY: a valid list has cnt elements.
                    let e = unsafe { &*l.elems.add(j) };
                    if let Some(t) = unsafe { s(e.topic) } {
                        parts.push((t, e.partition));
                    }
                }
            }
            v.push((id, parts));
        }
        Box::into_raw(Box::new(TargetAssignment(v))) as *mut rd_kafka_mock_cgrp_consumer_target_assignment_t
    })
}

/// Frees a target assignment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cgrp_consumer_target_assignment_destroy(target_assignment: *mut rd_kafka_mock_cgrp_consumer_target_assignment_t) {
    crate::ffi_guard!((), {
        if !target_assignment.is_null() {
            // SAFETY: created by rd_kafka_mock_cgrp_consumer_target_assignment_new.
            drop(unsafe { Box::from_raw(target_assignment as *mut TargetAssignment) });
        }
    })
}

/// Sets the next target assignment of a KIP-848 group (NULL: back to the broker's own assignor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cgrp_consumer_target_assignment(mcluster: *mut rd_kafka_mock_cluster_t, group_id: *const c_char, target_assignment: *mut rd_kafka_mock_cgrp_consumer_target_assignment_t) {
    crate::ffi_guard!((), {
        let (Some(c), Some(g)) = (unsafe { mc(mcluster) }, unsafe { s(group_id) }) else { return };
        // SAFETY: NULL or created by rd_kafka_mock_cgrp_consumer_target_assignment_new.
        let t = unsafe { (target_assignment as *const TargetAssignment).as_ref() }.map(|t| t.0.clone());
        c.cgrp_consumer_target_assignment(&g, t);
    })
}

/// Sets group.consumer.session.timeout.ms (KIP-848 groups).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_group_consumer_session_timeout_ms(mcluster: *mut rd_kafka_mock_cluster_t, group_consumer_session_timeout_ms: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.set_group_consumer_session_timeout_ms(group_consumer_session_timeout_ms);
        }
    })
}

/// Sets group.consumer.heartbeat.interval.ms (KIP-848 groups).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(mcluster: *mut rd_kafka_mock_cluster_t, group_consumer_heartbeat_interval_ms: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.set_group_consumer_heartbeat_interval_ms(group_consumer_heartbeat_interval_ms);
        }
    })
}

/// Sets the session timeout (ms) of share groups created after the call (default 45000): members and share sessions not heard from for that long are removed and their record locks released.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_session_timeout(mcluster: *mut rd_kafka_mock_cluster_t, session_timeout_ms: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(false, move |cfg| cfg.session_timeout_ms = session_timeout_ms);
        }
    })
}

/// Sets the heartbeat interval (ms) told to members of share groups created after the call (default 5000).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_heartbeat_interval(mcluster: *mut rd_kafka_mock_cluster_t, heartbeat_interval_ms: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(false, move |cfg| cfg.heartbeat_interval_ms = heartbeat_interval_ms);
        }
    })
}

/// Sets how many times a record is delivered (default 5; 0 or less: no limit) before a release or lock expiry archives it instead of making it available again. Applies to existing share groups too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_delivery_attempts(mcluster: *mut rd_kafka_mock_cluster_t, max_attempts: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.max_delivery_attempts = max_attempts);
        }
    })
}

/// Sets how long (ms) an acquired record stays locked to its consumer before it becomes available again (default 30000). Applies to existing share groups too, for records acquired after the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_record_lock_duration(mcluster: *mut rd_kafka_mock_cluster_t, lock_duration_ms: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.record_lock_duration_ms = lock_duration_ms);
        }
    })
}

/// Sets the isolation level of share groups: 0 read_uncommitted (default), 1 read_committed (records after the last stable offset wait, aborted transactional records are never delivered). Applies to existing share groups too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_isolation_level(mcluster: *mut rd_kafka_mock_cluster_t, level: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.isolation_level = level);
        }
    })
}

/// Sets the most members a share group takes (default 200; 0 or less: no limit); a member joining beyond it gets GROUP_MAX_SIZE_REACHED. Applies to existing share groups too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_size(mcluster: *mut rd_kafka_mock_cluster_t, max_size: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.max_size = max_size);
        }
    })
}

/// Sets the most share sessions a share group keeps open (default 2000); opening one more fails with SHARE_SESSION_LIMIT_REACHED. Applies to existing share groups too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_fetch_sessions(mcluster: *mut rd_kafka_mock_cluster_t, max_fetch_sessions: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.max_fetch_sessions = max_fetch_sessions);
        }
    })
}

/// Sets the most records of one partition that a share group may have acquired at a time (default 2000). Applies to existing share groups too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_record_locks(mcluster: *mut rd_kafka_mock_cluster_t, max_record_locks: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.max_record_locks = max_record_locks);
        }
    })
}

/// Sets where a share group starts reading a partition it has not read before: 0 latest (default), 1 earliest. Applies to existing share groups too, for partitions they have not started yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_auto_offset_reset(mcluster: *mut rd_kafka_mock_cluster_t, auto_offset_reset: c_int) {
    crate::ffi_guard!((), {
        if let Some(c) = unsafe { mc(mcluster) } {
            c.sharegroup_config(true, move |cfg| cfg.auto_offset_reset = auto_offset_reset);
        }
    })
}

/// Assigns partitions to share group members by hand: member_ids[i] gets the partitions of assignments[i] (NULL: none) on its next heartbeat. Members not named keep their partitions, and the group's automatic assignor stays off from then on. Does nothing for an unknown group or NULL arguments.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_target_assignment(mcluster: *mut rd_kafka_mock_cluster_t, group_id: *const c_char, member_ids: *mut *const c_char, assignments: *mut *mut rd_kafka_topic_partition_list_t, member_cnt: size_t) {
    crate::ffi_guard!((), {
        let (Some(c), Some(g)) = (unsafe { mc(mcluster) }, unsafe { s(group_id) }) else { return };
        if member_cnt > 0 && (member_ids.is_null() || assignments.is_null()) {
            return;
        }
        let mut v = Vec::new();
        for i in 0..member_cnt {
            // SAFETY: the caller passes member_cnt ids and lists.
            let (id, tpl) = unsafe { (s(*member_ids.add(i)), (*assignments.add(i)).as_ref()) };
            let Some(id) = id else { return };
            let mut parts = Vec::new();
            if let Some(l) = tpl {
                for j in 0..l.cnt.max(0) as usize {
                    // SAFETY: a valid list has cnt elements.
                    let e = unsafe { &*l.elems.add(j) };
                    if let Some(t) = unsafe { s(e.topic) } {
                        parts.push((t, e.partition));
                    }
                }
            }
            v.push((id, parts));
        }
        let _ = c.sharegroup_target_assignment(&g, v);
    })
}

/// Returns the member ids of a share group: *member_ids_out is a malloc()ed array of *member_cnt_out malloc()ed strings (NULL when there are no members); the caller free()s each string and then the array. Returns RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND (outputs NULL and 0) for an unknown group, RD_KAFKA_RESP_ERR__INVALID_ARG for NULL arguments.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_get_member_ids(mcluster: *mut rd_kafka_mock_cluster_t, group_id: *const c_char, member_ids_out: *mut *mut *mut c_char, member_cnt_out: *mut size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        if member_ids_out.is_null() || member_cnt_out.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: checked non-NULL above; the caller owns the outputs.
        unsafe {
            *member_ids_out = ptr::null_mut();
            *member_cnt_out = 0;
        }
        let (Some(c), Some(g)) = (unsafe { mc(mcluster) }, unsafe { s(group_id) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        let ids = match c.sharegroup_member_ids(&g) {
            Ok(ids) => ids,
            Err(e) => return e,
        };
        if ids.is_empty() {
            return RD_KAFKA_RESP_ERR_NO_ERROR;
        }
        // SAFETY: plain C allocations handed to the caller, who frees them.
        unsafe {
            let arr = libc::malloc(ids.len() * std::mem::size_of::<*mut c_char>()) as *mut *mut c_char;
            if arr.is_null() {
                return RD_KAFKA_RESP_ERR__FAIL;
            }
            for (i, id) in ids.iter().enumerate() {
                let p = libc::malloc(id.len() + 1) as *mut c_char;
                if p.is_null() {
                    for j in 0..i {
                        libc::free(*arr.add(j) as *mut c_void);
                    }
                    libc::free(arr as *mut c_void);
                    return RD_KAFKA_RESP_ERR__FAIL;
                }
                ptr::copy_nonoverlapping(id.as_ptr() as *const c_char, p, id.len());
                *p.add(id.len()) = 0;
                *arr.add(i) = p;
            }
            *member_ids_out = arr;
            *member_cnt_out = ids.len();
        }
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Back end of the variadic rd_kafka_mock_broker_push_request_error_rtts().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferrokafka_mock_broker_push_request_error_rtts_array(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, ApiKey: i16, cnt: size_t, errors: *const rd_kafka_resp_err_t, rtts: *const c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some(c) = (unsafe { mc(mcluster) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let mut v = Vec::with_capacity(cnt);
        if cnt > 0 {
            if errors.is_null() || rtts.is_null() {
                return RD_KAFKA_RESP_ERR__INVALID_ARG;
            }
            for i in 0..cnt {
                // SAFETY: the C shim passes cnt errors and cnt rtts.
                v.push(unsafe { (*errors.add(i), *rtts.add(i)) });
            }
        }
        code(c.broker_push_request_error_rtts(broker_id, ApiKey, &v))
    })
}

/// Back end of the variadic rd_kafka_mock_partition_push_request_errors().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferrokafka_mock_partition_push_request_errors_array(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, ApiKey: i16, cnt: size_t, errors: *const rd_kafka_resp_err_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let (Some(c), Some(t)) = (unsafe { mc(mcluster) }, unsafe { s(topic) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        let errs: &[i32] = if cnt == 0 || errors.is_null() {
            &[]
        } else {
            // SAFETY: the C shim passes cnt error codes.
            unsafe { std::slice::from_raw_parts(errors, cnt) }
        };
        code(c.partition_push_request_errors(&t, partition, ApiKey, errs))
    })
}
