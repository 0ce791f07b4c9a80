//! Cluster metadata and group listing: the C functions and the C views
//! (rd_kafka_metadata_t, rd_kafka_group_list) of what the engine answers.
//! The queries themselves are in `engine::api`.

use super::client::instance;
use crate::objects::types::*;
use crate::objects::util::set_last_error;
use crate::engine::api;
use crate::engine::metadata::MetadataSnapshot;
use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::ptr;
use std::time::{Duration, Instant};

/// The allocation behind an `rd_kafka_metadata_t *`: the C struct first, then
/// everything its pointers point into.
#[repr(C)]
struct MetadataHolder {
    c: rd_kafka_metadata,
    brokers: Vec<rd_kafka_metadata_broker>,
    topics: Vec<rd_kafka_metadata_topic>,
    partitions: Vec<Vec<rd_kafka_metadata_partition>>,
    ids: Vec<Vec<i32>>,
    strings: Vec<CString>,
}

fn cstring(strings: &mut Vec<CString>, s: &str) -> *mut c_char {
    strings.push(CString::new(s.replace('\0', "")).unwrap_or_default());
    strings.last().unwrap().as_ptr() as *mut c_char
}

/// Builds the C view of a metadata snapshot (free with
/// rd_kafka_metadata_destroy()).
pub fn to_c(md: &MetadataSnapshot) -> *const rd_kafka_metadata_t {
    let mut h = Box::new(MetadataHolder {
        c: rd_kafka_metadata {
            broker_cnt: 0,
            brokers: ptr::null_mut(),
            topic_cnt: 0,
            topics: ptr::null_mut(),
            orig_broker_id: md.orig_broker_id,
            orig_broker_name: ptr::null_mut(),
        },
        brokers: Vec::with_capacity(md.brokers.len()),
        topics: Vec::with_capacity(md.topics.len()),
        partitions: Vec::with_capacity(md.topics.len()),
        ids: Vec::new(),
        strings: Vec::new(),
    });
    let h_ref = &mut *h;
    h_ref.c.orig_broker_name = cstring(&mut h_ref.strings, &md.orig_broker_name);
    for b in &md.brokers {
        let host = cstring(&mut h_ref.strings, &b.host);
        h_ref.brokers.push(rd_kafka_metadata_broker { id: b.id, host, port: b.port });
    }
    for t in &md.topics {
        let mut parts = Vec::with_capacity(t.partitions.len());
        for p in &t.partitions {
            h_ref.ids.push(p.replicas.clone());
            let replicas = h_ref.ids.last_mut().unwrap().as_mut_ptr();
            h_ref.ids.push(p.isrs.clone());
            let isrs = h_ref.ids.last_mut().unwrap().as_mut_ptr();
            parts.push(rd_kafka_metadata_partition {
                id: p.id,
                err: p.err,
                leader: p.leader,
                replica_cnt: p.replicas.len() as c_int,
                replicas,
                isr_cnt: p.isrs.len() as c_int,
                isrs,
            });
        }
        h_ref.partitions.push(parts);
        let pv = h_ref.partitions.last_mut().unwrap();
        let (pptr, pcnt) = (pv.as_mut_ptr(), pv.len());
        let name = cstring(&mut h_ref.strings, &t.name);
        h_ref.topics.push(rd_kafka_metadata_topic { topic: name, partition_cnt: pcnt as c_int, partitions: pptr, err: t.err });
    }
    h_ref.c.broker_cnt = h_ref.brokers.len() as c_int;
    h_ref.c.brokers = h_ref.brokers.as_mut_ptr();
    h_ref.c.topic_cnt = h_ref.topics.len() as c_int;
    h_ref.c.topics = h_ref.topics.as_mut_ptr();
    Box::into_raw(h) as *const rd_kafka_metadata_t
}

/// Asks the cluster for metadata: all topics (`all_topics` != 0), one topic
/// (`only_rkt`), or the topics this client knows. On success `*metadatap`
/// is set (free with rd_kafka_metadata_destroy()). Fails with _TRANSPORT if
/// no broker could be reached and _TIMED_OUT if the answer is late.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_metadata(rk: *mut rd_kafka_t, all_topics: c_int, only_rkt: *mut rd_kafka_topic_t, metadatap: *mut *const rd_kafka_metadata_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if metadatap.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // only_rkt is only looked at when not asking for all topics.
        let only_topic = if all_topics != 0 {
            None
        } else {
            // SAFETY: only_rkt is NULL or a live topic handle.
            unsafe { crate::engine::topic::TopicState::from_ptr(only_rkt) }.map(|t| t.name.to_string_lossy().into_owned())
        };
        let timeout = Duration::from_millis(timeout_ms.max(0) as u64);
        match api::metadata(inst, all_topics != 0, only_topic, timeout) {
            Ok(md) => {
                // SAFETY: metadatap checked non-NULL.
                unsafe { *metadatap = to_c(&md) };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            Err(e) => {
                set_last_error(e.code);
                e.code
            }
        }
    })
}

/// Frees metadata returned by rd_kafka_metadata().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_metadata_destroy(metadata: *const rd_kafka_metadata_t) {
    crate::ffi_guard!((), {
        if !metadata.is_null() {
            // SAFETY: made by to_c (the C struct is the holder's first field).
            drop(unsafe { Box::from_raw(metadata as *mut MetadataHolder) });
        }
    })
}

/// The allocation behind an `rd_kafka_group_list *`.
#[repr(C)]
struct GroupListHolder {
    c: rd_kafka_group_list,
    groups: Vec<rd_kafka_group_info>,
    members: Vec<Vec<rd_kafka_group_member_info>>,
    strings: Vec<CString>,
    blobs: Vec<Vec<u8>>,
}

fn group_list_to_c(groups: &[crate::engine::grouplist::GroupInfo]) -> *const rd_kafka_group_list {
    let mut h = Box::new(GroupListHolder {
        c: rd_kafka_group_list { groups: ptr::null_mut(), group_cnt: 0 },
        groups: Vec::with_capacity(groups.len()),
        members: Vec::with_capacity(groups.len()),
        strings: Vec::new(),
        blobs: Vec::new(),
    });
    let hr = &mut *h;
    for g in groups {
        let mut members = Vec::with_capacity(g.members.len());
        for m in &g.members {
            let blob = |hr: &mut GroupListHolder, b: &[u8]| -> *mut std::os::raw::c_void {
                if b.is_empty() {
                    return ptr::null_mut();
                }
                hr.blobs.push(b.to_vec());
                hr.blobs.last_mut().unwrap().as_mut_ptr() as *mut std::os::raw::c_void
            };
            let md = blob(hr, &m.metadata);
            let asg = blob(hr, &m.assignment);
            members.push(rd_kafka_group_member_info {
                member_id: cstring(&mut hr.strings, &m.member_id),
                client_id: cstring(&mut hr.strings, &m.client_id),
                client_host: cstring(&mut hr.strings, &m.client_host),
                member_metadata: md,
                member_metadata_size: m.metadata.len() as c_int,
                member_assignment: asg,
                member_assignment_size: m.assignment.len() as c_int,
            });
        }
        hr.members.push(members);
        let mv = hr.members.last_mut().unwrap();
        let (mptr, mcnt) = (mv.as_mut_ptr(), mv.len());
        hr.groups.push(rd_kafka_group_info {
            broker: rd_kafka_metadata_broker { id: g.broker.id, host: cstring(&mut hr.strings, &g.broker.host), port: g.broker.port },
            group: cstring(&mut hr.strings, &g.group),
            err: g.err,
            state: cstring(&mut hr.strings, &g.state),
            protocol_type: cstring(&mut hr.strings, &g.protocol_type),
            protocol: cstring(&mut hr.strings, &g.protocol),
            members: mptr,
            member_cnt: mcnt as c_int,
        });
    }
    hr.c.group_cnt = hr.groups.len() as c_int;
    hr.c.groups = hr.groups.as_mut_ptr();
    Box::into_raw(h) as *const rd_kafka_group_list
}

/// Lists the consumer groups of the cluster (or only `group`) with their
/// members, asking every broker. Returns _PARTIAL with what was found when
/// not every broker answered within `timeout_ms`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_list_groups(rk: *mut rd_kafka_t, group: *const c_char, grplistp: *mut *const rd_kafka_group_list, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles, strings and out-params.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if grplistp.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let group = unsafe { crate::objects::util::cstr(group) }.map(|g| g.into_owned());
        let deadline = Instant::now() + Duration::from_millis(timeout_ms.max(0) as u64);
        let (groups, err) = match api::list_groups(inst, group, deadline) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let timed_out = err == RD_KAFKA_RESP_ERR__TIMED_OUT || err == RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE;
        if err != RD_KAFKA_RESP_ERR_NO_ERROR && !(timed_out && !groups.is_empty()) {
            return if timed_out { RD_KAFKA_RESP_ERR__TIMED_OUT } else { err };
        }
        // SAFETY: grplistp checked non-NULL.
        unsafe { *grplistp = group_list_to_c(&groups) };
        if timed_out { RD_KAFKA_RESP_ERR__PARTIAL } else { RD_KAFKA_RESP_ERR_NO_ERROR }
    })
}

/// Frees a list returned by rd_kafka_list_groups().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_group_list_destroy(grplist: *const rd_kafka_group_list) {
    crate::ffi_guard!((), {
        if !grplist.is_null() {
            // SAFETY: made by group_list_to_c.
            drop(unsafe { Box::from_raw(grplist as *mut GroupListHolder) });
        }
    })
}
