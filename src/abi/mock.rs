//! The mock cluster API (rdkafka_mock.h).
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
pub unsafe extern "C" fn rd_kafka_mock_cluster_new(rk: *mut rd_kafka_t, broker_cnt: c_int) -> *mut rd_kafka_mock_cluster_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_destroy(mcluster: *mut rd_kafka_mock_cluster_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_handle(mcluster: *const rd_kafka_mock_cluster_t) -> *mut rd_kafka_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_handle_mock_cluster(rk: *const rd_kafka_t) -> *mut rd_kafka_mock_cluster_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cluster_bootstraps(mcluster: *const rd_kafka_mock_cluster_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_clear_request_errors(mcluster: *mut rd_kafka_mock_cluster_t, ApiKey: i16) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_push_request_errors_array(mcluster: *mut rd_kafka_mock_cluster_t, ApiKey: i16, cnt: size_t, errors: *const rd_kafka_resp_err_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_group_initial_rebalance_delay_ms(mcluster: *mut rd_kafka_mock_cluster_t, delay_ms: i32) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_controller_id(mcluster: *mut rd_kafka_mock_cluster_t, controller_id: i32) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_error_stack_cnt(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, ApiKey: i16, cntp: *mut size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_topic_set_error(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, err: rd_kafka_resp_err_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_topic_create(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition_cnt: c_int, replication_factor: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_topic_delete(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_delete_records(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, before_offset: i64) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_set_leader(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_set_follower(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_set_follower_wmarks(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, lo: i64, hi: i64) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_partition_push_leader_response(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: c_int, leader_id: i32, leader_epoch: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_down(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_host_port(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, host: *const c_char, port: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_up(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_rtt(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, rtt_ms: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_set_rack(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, rack: *const c_char) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_decommission(cluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_remove_from_metadata(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_broker_add(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_coordinator_set(mcluster: *mut rd_kafka_mock_cluster_t, key_type: *const c_char, key: *const c_char, broker_id: i32) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_apiversion(mcluster: *mut rd_kafka_mock_cluster_t, ApiKey: i16, MinVersion: i16, MaxVersion: i16) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_start_request_tracking(mcluster: *mut rd_kafka_mock_cluster_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_stop_request_tracking(mcluster: *mut rd_kafka_mock_cluster_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_destroy(mreq: *mut rd_kafka_mock_request_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_destroy_array(mreqs: *mut *mut rd_kafka_mock_request_t, mreq_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_id(mreq: *mut rd_kafka_mock_request_t) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_api_key(mreq: *mut rd_kafka_mock_request_t) -> i16 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_request_timestamp(mreq: *mut rd_kafka_mock_request_t) -> i64 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_get_requests(mcluster: *mut rd_kafka_mock_cluster_t, cntp: *mut size_t) -> *mut *mut rd_kafka_mock_request_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_clear_requests(mcluster: *mut rd_kafka_mock_cluster_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_telemetry_set_requested_metrics(mcluster: *mut rd_kafka_mock_cluster_t, metrics: *mut *mut c_char, metrics_cnt: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_telemetry_set_push_interval(mcluster: *mut rd_kafka_mock_cluster_t, push_interval_ms: i64) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cgrp_consumer_target_assignment_new(member_ids: *mut *mut c_char, member_cnt: c_int, assignment: *mut *mut rd_kafka_topic_partition_list_t) -> *mut rd_kafka_mock_cgrp_consumer_target_assignment_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cgrp_consumer_target_assignment_destroy(target_assignment: *mut rd_kafka_mock_cgrp_consumer_target_assignment_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_cgrp_consumer_target_assignment(mcluster: *mut rd_kafka_mock_cluster_t, group_id: *const c_char, target_assignment: *mut rd_kafka_mock_cgrp_consumer_target_assignment_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_group_consumer_session_timeout_ms(mcluster: *mut rd_kafka_mock_cluster_t, group_consumer_session_timeout_ms: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(mcluster: *mut rd_kafka_mock_cluster_t, group_consumer_heartbeat_interval_ms: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_session_timeout(mcluster: *mut rd_kafka_mock_cluster_t, session_timeout_ms: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_heartbeat_interval(mcluster: *mut rd_kafka_mock_cluster_t, heartbeat_interval_ms: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_delivery_attempts(mcluster: *mut rd_kafka_mock_cluster_t, max_attempts: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_record_lock_duration(mcluster: *mut rd_kafka_mock_cluster_t, lock_duration_ms: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_isolation_level(mcluster: *mut rd_kafka_mock_cluster_t, level: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_size(mcluster: *mut rd_kafka_mock_cluster_t, max_size: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_fetch_sessions(mcluster: *mut rd_kafka_mock_cluster_t, max_fetch_sessions: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_max_record_locks(mcluster: *mut rd_kafka_mock_cluster_t, max_record_locks: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_set_auto_offset_reset(mcluster: *mut rd_kafka_mock_cluster_t, auto_offset_reset: c_int) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_target_assignment(mcluster: *mut rd_kafka_mock_cluster_t, group_id: *const c_char, member_ids: *mut *const c_char, assignments: *mut *mut rd_kafka_topic_partition_list_t, member_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mock_sharegroup_get_member_ids(mcluster: *mut rd_kafka_mock_cluster_t, group_id: *const c_char, member_ids_out: *mut *mut *mut c_char, member_cnt_out: *mut size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

/// Back end of the variadic rd_kafka_mock_broker_push_request_error_rtts().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferrokafka_mock_broker_push_request_error_rtts_array(mcluster: *mut rd_kafka_mock_cluster_t, broker_id: i32, ApiKey: i16, cnt: size_t, errors: *const rd_kafka_resp_err_t, rtts: *const c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

/// Back end of the variadic rd_kafka_mock_partition_push_request_errors().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferrokafka_mock_partition_push_request_errors_array(mcluster: *mut rd_kafka_mock_cluster_t, topic: *const c_char, partition: i32, ApiKey: i16, cnt: size_t, errors: *const rd_kafka_resp_err_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}
