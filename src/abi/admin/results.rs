//! Admin API: the `rd_kafka_event_<Op>_result()` functions, which give the
//! application the typed result handle of an admin result event (the event
//! itself). The builders of those events are in `objects::admin::results`.

use crate::engine::queue::EventObj;
use crate::objects::types::*;
use std::os::raw::c_int;
use std::ptr;

/// The event itself when it has type `ev_type`, else NULL.
fn cast(rkev: *mut rd_kafka_event_t, ev_type: c_int) -> *const rd_kafka_event_t {
    // SAFETY: rkev is NULL or a live event handle.
    match unsafe { EventObj::from_ptr(rkev) } {
        Some(e) if e.ev_type == ev_type => rkev,
        _ => ptr::null(),
    }
}

/// The CreateTopics result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_CreateTopics_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_CreateTopics_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_CREATETOPICS_RESULT) })
}

/// The DeleteTopics result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteTopics_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteTopics_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DELETETOPICS_RESULT) })
}

/// The CreatePartitions result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_CreatePartitions_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_CreatePartitions_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT) })
}

/// The AlterConfigs result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_AlterConfigs_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_AlterConfigs_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_ALTERCONFIGS_RESULT) })
}

/// The IncrementalAlterConfigs result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_IncrementalAlterConfigs_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_IncrementalAlterConfigs_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT) })
}

/// The DescribeConfigs result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeConfigs_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeConfigs_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT) })
}

/// The DeleteRecords result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteRecords_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteRecords_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DELETERECORDS_RESULT) })
}

/// The ListConsumerGroups result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ListConsumerGroups_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ListConsumerGroups_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT) })
}

/// The DescribeConsumerGroups result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeConsumerGroups_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeConsumerGroups_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT) })
}

/// The DescribeTopics result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeTopics_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeTopics_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT) })
}

/// The DescribeCluster result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeCluster_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeCluster_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT) })
}

/// The DeleteGroups result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteGroups_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteGroups_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DELETEGROUPS_RESULT) })
}

/// The DeleteConsumerGroupOffsets result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteConsumerGroupOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteConsumerGroupOffsets_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT) })
}

/// The CreateAcls result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_CreateAcls_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_CreateAcls_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_CREATEACLS_RESULT) })
}

/// The DescribeAcls result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeAcls_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeAcls_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DESCRIBEACLS_RESULT) })
}

/// The DeleteAcls result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteAcls_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteAcls_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DELETEACLS_RESULT) })
}

/// The ListConsumerGroupOffsets result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ListConsumerGroupOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ListConsumerGroupOffsets_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT) })
}

/// The AlterConsumerGroupOffsets result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_AlterConsumerGroupOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_AlterConsumerGroupOffsets_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT) })
}

/// The ListOffsets result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ListOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ListOffsets_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_LISTOFFSETS_RESULT) })
}

/// The DescribeUserScramCredentials result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeUserScramCredentials_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeUserScramCredentials_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT) })
}

/// The AlterUserScramCredentials result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_AlterUserScramCredentials_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_AlterUserScramCredentials_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT) })
}

/// The ElectLeaders result of an event, NULL if it is not one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ElectLeaders_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ElectLeaders_result_t {
    crate::ffi_guard!(ptr::null(), { cast(rkev, RD_KAFKA_EVENT_ELECTLEADERS_RESULT) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::admin::acls::*;
    use crate::abi::admin::cluster::*;
    use crate::abi::admin::configs::*;
    use crate::abi::admin::groups::*;
    use crate::abi::admin::records::*;
    use crate::abi::admin::scram::*;
    use crate::abi::admin::topics::*;
    use crate::abi::error::{rd_kafka_error_code, rd_kafka_error_string};
    use crate::abi::event::{rd_kafka_event_destroy, rd_kafka_event_error, rd_kafka_event_error_string, rd_kafka_event_opaque, rd_kafka_event_type};
    use crate::abi::tpl::rd_kafka_topic_partition_get_leader_epoch;
    use crate::abi::values::*;
    use crate::engine::consumer::FetchedBatch;
    use crate::objects::admin::acls::*;
    use crate::objects::admin::cluster::*;
    use crate::objects::admin::common::Node;
    use crate::objects::admin::configs::*;
    use crate::objects::admin::groups::*;
    use crate::objects::admin::records::*;
    use crate::objects::admin::results::*;
    use crate::objects::admin::scram::*;
    use crate::objects::admin::topics::*;
    use crate::objects::tpl::{elements, TopicPartition};
    use crate::error::KafkaError;
    use libc::size_t;
    use std::ffi::CStr;
    use std::os::raw::{c_char, c_void};

    fn s(p: *const c_char) -> String {
        assert!(!p.is_null(), "unexpected NULL string");
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }

    /// The items of a C array of pointers.
    fn items<T>(arr: *mut *const T, n: size_t) -> Vec<*const T> {
        if n == 0 {
            return vec![];
        }
        assert!(!arr.is_null());
        unsafe { std::slice::from_raw_parts(arr, n) }.to_vec()
    }

    fn tp(t: &str, p: i32, off: i64) -> TopicPartition {
        TopicPartition::new(t, p).with_offset(off)
    }

    #[test]
    fn casts_check_the_event_type() {
        let ev = create_topics_event::<FetchedBatch>(vec![], ptr::null_mut()).into_raw();
        unsafe {
            assert_eq!(rd_kafka_event_CreateTopics_result(ev), ev as *const _);
            assert!(rd_kafka_event_DeleteTopics_result(ev).is_null());
            assert!(rd_kafka_event_ElectLeaders_result(ev).is_null());
            assert!(rd_kafka_event_CreateTopics_result(ptr::null_mut()).is_null());
            // An accessor of another result type on this event finds nothing.
            let mut n: size_t = 9;
            assert!(rd_kafka_DeleteTopics_result_topics(ev, &mut n).is_null());
            assert_eq!(n, 0);
            rd_kafka_event_destroy(ev);
        }
        // Every admin op has a result event type, and each cast accepts
        // exactly its own.
        type Cast = unsafe extern "C" fn(*mut rd_kafka_event_t) -> *const rd_kafka_event_t;
        let casts: [(c_int, Cast); 22] = [
            (RD_KAFKA_ADMIN_OP_CREATETOPICS, rd_kafka_event_CreateTopics_result),
            (RD_KAFKA_ADMIN_OP_DELETETOPICS, rd_kafka_event_DeleteTopics_result),
            (RD_KAFKA_ADMIN_OP_CREATEPARTITIONS, rd_kafka_event_CreatePartitions_result),
            (RD_KAFKA_ADMIN_OP_ALTERCONFIGS, rd_kafka_event_AlterConfigs_result),
            (RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, rd_kafka_event_DescribeConfigs_result),
            (RD_KAFKA_ADMIN_OP_DELETERECORDS, rd_kafka_event_DeleteRecords_result),
            (RD_KAFKA_ADMIN_OP_DELETEGROUPS, rd_kafka_event_DeleteGroups_result),
            (RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS, rd_kafka_event_DeleteConsumerGroupOffsets_result),
            (RD_KAFKA_ADMIN_OP_CREATEACLS, rd_kafka_event_CreateAcls_result),
            (RD_KAFKA_ADMIN_OP_DESCRIBEACLS, rd_kafka_event_DescribeAcls_result),
            (RD_KAFKA_ADMIN_OP_DELETEACLS, rd_kafka_event_DeleteAcls_result),
            (RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, rd_kafka_event_ListConsumerGroups_result),
            (RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, rd_kafka_event_DescribeConsumerGroups_result),
            (RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, rd_kafka_event_ListConsumerGroupOffsets_result),
            (RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS, rd_kafka_event_AlterConsumerGroupOffsets_result),
            (RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS, rd_kafka_event_IncrementalAlterConfigs_result),
            (RD_KAFKA_ADMIN_OP_DESCRIBEUSERSCRAMCREDENTIALS, rd_kafka_event_DescribeUserScramCredentials_result),
            (RD_KAFKA_ADMIN_OP_ALTERUSERSCRAMCREDENTIALS, rd_kafka_event_AlterUserScramCredentials_result),
            (RD_KAFKA_ADMIN_OP_DESCRIBETOPICS, rd_kafka_event_DescribeTopics_result),
            (RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER, rd_kafka_event_DescribeCluster_result),
            (RD_KAFKA_ADMIN_OP_LISTOFFSETS, rd_kafka_event_ListOffsets_result),
            (RD_KAFKA_ADMIN_OP_ELECTLEADERS, rd_kafka_event_ElectLeaders_result),
        ];
        assert_eq!(event_type_of_op(RD_KAFKA_ADMIN_OP_ANY), None);
        for (op, _) in casts {
            let ev_type = event_type_of_op(op).unwrap();
            let err = KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT, "");
            let ev = error_event::<FetchedBatch>(ev_type, &err, ptr::null_mut()).into_raw();
            for (op2, cast) in casts {
                let got = unsafe { cast(ev) };
                assert_eq!(!got.is_null(), op == op2, "op {op} cast {op2}");
            }
            unsafe {
                assert_eq!(rd_kafka_event_type(ev), ev_type);
                assert_eq!(rd_kafka_event_error(ev), RD_KAFKA_RESP_ERR__TIMED_OUT);
                assert_eq!(s(rd_kafka_event_error_string(ev)), "Local: Timed out");
                rd_kafka_event_destroy(ev);
            }
        }
    }

    #[test]
    fn error_events_have_empty_results() {
        let err = KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "No groups to delete");
        let mut n: size_t = 5;
        unsafe {
            let ev = error_event::<FetchedBatch>(RD_KAFKA_EVENT_DELETEGROUPS_RESULT, &err, 7 as *mut c_void).into_raw();
            assert_eq!(s(rd_kafka_event_error_string(ev)), "No groups to delete");
            assert_eq!(rd_kafka_event_opaque(ev) as usize, 7);
            assert!(rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(ev), &mut n).is_null());
            assert_eq!(n, 0);
            rd_kafka_event_destroy(ev);

            let ev = error_event::<FetchedBatch>(RD_KAFKA_EVENT_DELETERECORDS_RESULT, &err, ptr::null_mut()).into_raw();
            assert!(rd_kafka_DeleteRecords_result_offsets(rd_kafka_event_DeleteRecords_result(ev)).is_null());
            rd_kafka_event_destroy(ev);

            let ev = error_event::<FetchedBatch>(RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT, &err, ptr::null_mut()).into_raw();
            let r = rd_kafka_event_DescribeCluster_result(ev);
            n = 5;
            assert!(rd_kafka_DescribeCluster_result_nodes(r, &mut n).is_null());
            assert_eq!(n, 0);
            assert!(rd_kafka_DescribeCluster_result_cluster_id(r).is_null());
            assert!(rd_kafka_DescribeCluster_result_controller(r).is_null());
            rd_kafka_event_destroy(ev);

            let ev = error_event::<FetchedBatch>(RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT, &err, ptr::null_mut()).into_raw();
            let r = rd_kafka_event_ListConsumerGroups_result(ev);
            n = 5;
            assert!(rd_kafka_ListConsumerGroups_result_valid(r, &mut n).is_null());
            assert_eq!(n, 0);
            assert!(rd_kafka_ListConsumerGroups_result_errors(r, &mut n).is_null());
            rd_kafka_event_destroy(ev);

            // An unknown event type gives a plain error event.
            let ev = error_event::<FetchedBatch>(12345, &err, ptr::null_mut()).into_raw();
            assert_eq!(rd_kafka_event_type(ev), RD_KAFKA_EVENT_ERROR);
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn topic_results() {
        let results = vec![
            TopicResult::new("a", 0, None),
            TopicResult::new("b", RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS, Some("Topic 'b' already exists.")),
            TopicResult::new("c", RD_KAFKA_RESP_ERR_INVALID_PARTITIONS, None),
        ];
        for (build, get) in [
            (create_topics_event as fn(Vec<TopicResult>, *mut c_void) -> EventObj, rd_kafka_CreateTopics_result_topics as unsafe extern "C" fn(*const rd_kafka_event_t, *mut size_t) -> *mut *const rd_kafka_topic_result_t),
            (delete_topics_event, rd_kafka_DeleteTopics_result_topics),
            (create_partitions_event, rd_kafka_CreatePartitions_result_topics),
        ] {
            let ev = build(results.clone(), 0x10 as *mut c_void).into_raw();
            unsafe {
                assert_eq!(rd_kafka_event_error(ev), 0);
                assert!(rd_kafka_event_error_string(ev).is_null());
                assert_eq!(rd_kafka_event_opaque(ev) as usize, 0x10);
                let mut n = 0;
                let t = items(get(ev, &mut n), n);
                assert_eq!(t.len(), 3);
                assert_eq!(s(rd_kafka_topic_result_name(t[0])), "a");
                assert_eq!(rd_kafka_topic_result_error(t[0]), 0);
                assert!(rd_kafka_topic_result_error_string(t[0]).is_null());
                assert_eq!(rd_kafka_topic_result_error(t[1]), RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS);
                assert_eq!(s(rd_kafka_topic_result_error_string(t[1])), "Topic 'b' already exists.");
                assert_eq!(s(rd_kafka_topic_result_error_string(t[2])), "Broker: Invalid number of partitions");
                rd_kafka_event_destroy(ev);
            }
        }
    }

    #[test]
    fn config_results() {
        let mut entry = ConfigEntry::new("cleanup.policy", Some("compact"));
        entry.source = RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG;
        entry.is_read_only = true;
        entry.is_default = false;
        let mut res = ConfigResource::new_result(RD_KAFKA_RESOURCE_TOPIC, "t", 0, None);
        res.configs.push(entry);
        let failed = ConfigResource::new_result(RD_KAFKA_RESOURCE_BROKER, "1", RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED, None);
        for (build, get) in [
            (describe_configs_event as fn(Vec<ConfigResource>, *mut c_void) -> EventObj, rd_kafka_DescribeConfigs_result_resources as unsafe extern "C" fn(*const rd_kafka_event_t, *mut size_t) -> *mut *const rd_kafka_ConfigResource_t),
            (alter_configs_event, rd_kafka_AlterConfigs_result_resources),
            (incremental_alter_configs_event, rd_kafka_IncrementalAlterConfigs_result_resources),
        ] {
            let ev = build(vec![res.clone(), failed.clone()], ptr::null_mut()).into_raw();
            unsafe {
                let mut n = 0;
                let r = items(get(ev, &mut n), n);
                assert_eq!(r.len(), 2);
                assert_eq!(s(rd_kafka_ConfigResource_name(r[0])), "t");
                assert_eq!(rd_kafka_ConfigResource_type(r[0]), RD_KAFKA_RESOURCE_TOPIC);
                assert!(rd_kafka_ConfigResource_error_string(r[0]).is_null());
                let e = items(rd_kafka_ConfigResource_configs(r[0], &mut n), n);
                assert_eq!(e.len(), 1);
                assert_eq!(s(rd_kafka_ConfigEntry_name(e[0])), "cleanup.policy");
                assert_eq!(s(rd_kafka_ConfigEntry_value(e[0])), "compact");
                assert_eq!(rd_kafka_ConfigEntry_is_read_only(e[0]), 1);
                assert_eq!(rd_kafka_ConfigEntry_source(e[0]), RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG);
                assert_eq!(rd_kafka_ConfigResource_error(r[1]), RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED);
                assert_eq!(s(rd_kafka_ConfigResource_error_string(r[1])), "Broker: Cluster authorization failed");
                rd_kafka_event_destroy(ev);
            }
        }
    }

    #[test]
    fn delete_records_and_list_offsets() {
        let mut p1 = tp("a", 1, 40);
        p1.err = RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE;
        let ev = delete_records_event::<FetchedBatch>(vec![tp("a", 0, 17), p1], ptr::null_mut()).into_raw();
        unsafe {
            let l = rd_kafka_DeleteRecords_result_offsets(rd_kafka_event_DeleteRecords_result(ev));
            let e = elements(l);
            assert_eq!(e.len(), 2);
            assert_eq!(s(e[0].topic), "a");
            assert_eq!(e[0].offset, 17);
            assert_eq!(e[1].err, RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE);
            rd_kafka_event_destroy(ev);
        }

        let mut p = tp("b", 3, 99);
        p.leader_epoch = 4;
        let ev = list_offsets_event::<FetchedBatch>(vec![ListOffsetsResultInfo { partition: p, timestamp: 1_700_000_000_000 }], ptr::null_mut()).into_raw();
        unsafe {
            let mut n = 0;
            let infos = items(rd_kafka_ListOffsets_result_infos(rd_kafka_event_ListOffsets_result(ev), &mut n), n);
            assert_eq!(infos.len(), 1);
            assert_eq!(rd_kafka_ListOffsetsResultInfo_timestamp(infos[0]), 1_700_000_000_000);
            let part = rd_kafka_ListOffsetsResultInfo_topic_partition(infos[0]);
            assert_eq!(s((*part).topic), "b");
            assert_eq!((*part).partition, 3);
            assert_eq!((*part).offset, 99);
            assert_eq!(rd_kafka_topic_partition_get_leader_epoch(part), 4);
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn elect_leaders_results() {
        let ev = elect_leaders_event::<FetchedBatch>(
            vec![TopicPartitionResult::new("t", 0, 0, None), TopicPartitionResult::new("t", 1, RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED, Some("not needed"))],
            ptr::null_mut(),
        )
        .into_raw();
        unsafe {
            let mut n = 0;
            let r = items(rd_kafka_ElectLeaders_result_partitions(rd_kafka_event_ElectLeaders_result(ev), &mut n), n);
            assert_eq!(r.len(), 2);
            let p0 = rd_kafka_topic_partition_result_partition(r[0]);
            assert_eq!((s((*p0).topic), (*p0).partition, (*p0).err), ("t".to_string(), 0, 0));
            let e0 = rd_kafka_topic_partition_result_error(r[0]);
            assert!(!e0.is_null(), "librdkafka always attaches an error object");
            assert_eq!(rd_kafka_error_code(e0), 0);
            assert_eq!(s(rd_kafka_error_string(e0)), "Success");
            let p1 = rd_kafka_topic_partition_result_partition(r[1]);
            assert_eq!((*p1).err, RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED);
            assert_eq!(s(rd_kafka_error_string(rd_kafka_topic_partition_result_error(r[1]))), "not needed");
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn group_results() {
        let mut p = tp("t", 0, 12);
        p.metadata = Some(b"meta".to_vec());
        let ok = GroupResult { group: "g1".into(), error: None, partitions: Some(vec![p]) };
        let bad = GroupResult { group: "g2".into(), error: Some(KafkaError::from_code(RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND)), partitions: None };
        type Get = unsafe extern "C" fn(*const rd_kafka_event_t, *mut size_t) -> *mut *const rd_kafka_group_result_t;
        for (build, get) in [
            (delete_groups_event as fn(Vec<GroupResult>, *mut c_void) -> EventObj, rd_kafka_DeleteGroups_result_groups as Get),
            (delete_consumer_group_offsets_event, rd_kafka_DeleteConsumerGroupOffsets_result_groups),
            (alter_consumer_group_offsets_event, rd_kafka_AlterConsumerGroupOffsets_result_groups),
            (list_consumer_group_offsets_event, rd_kafka_ListConsumerGroupOffsets_result_groups),
        ] {
            let ev = build(vec![ok.clone(), bad.clone()], ptr::null_mut()).into_raw();
            unsafe {
                let mut n = 0;
                let g = items(get(ev, &mut n), n);
                assert_eq!(g.len(), 2);
                assert_eq!(s(rd_kafka_group_result_name(g[0])), "g1");
                assert!(rd_kafka_group_result_error(g[0]).is_null());
                let parts = elements(rd_kafka_group_result_partitions(g[0]));
                assert_eq!(parts.len(), 1);
                assert_eq!(parts[0].offset, 12);
                assert_eq!(parts[0].metadata_size, 4);
                assert_eq!(rd_kafka_error_code(rd_kafka_group_result_error(g[1])), RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND);
                assert!(rd_kafka_group_result_partitions(g[1]).is_null());
                rd_kafka_event_destroy(ev);
            }
        }
    }

    #[test]
    fn list_and_describe_consumer_groups() {
        let listing = ConsumerGroupListing {
            group_id: "g".into(),
            is_simple_consumer_group: true,
            state: RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY,
            group_type: RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC,
        };
        let ev = list_consumer_groups_event::<FetchedBatch>(vec![listing], vec![KafkaError::new(RD_KAFKA_RESP_ERR__TRANSPORT, "broker 2 down")], ptr::null_mut()).into_raw();
        unsafe {
            let r = rd_kafka_event_ListConsumerGroups_result(ev);
            let mut n = 0;
            let v = items(rd_kafka_ListConsumerGroups_result_valid(r, &mut n), n);
            assert_eq!(v.len(), 1);
            assert_eq!(s(rd_kafka_ConsumerGroupListing_group_id(v[0])), "g");
            assert_eq!(rd_kafka_ConsumerGroupListing_is_simple_consumer_group(v[0]), 1);
            assert_eq!(rd_kafka_ConsumerGroupListing_state(v[0]), RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY);
            assert_eq!(rd_kafka_ConsumerGroupListing_type(v[0]), RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC);
            let e = items(rd_kafka_ListConsumerGroups_result_errors(r, &mut n), n);
            assert_eq!(e.len(), 1);
            assert_eq!(rd_kafka_error_code(e[0]), RD_KAFKA_RESP_ERR__TRANSPORT);
            assert_eq!(s(rd_kafka_error_string(e[0])), "broker 2 down");
            rd_kafka_event_destroy(ev);
        }

        let member = MemberDescription {
            client_id: "c1".into(),
            consumer_id: "m1".into(),
            group_instance_id: Some("i1".into()),
            host: "/10.0.0.1".into(),
            assignment: vec![tp("t", 0, -1001), tp("t", 1, -1001)],
            target_assignment: None,
        };
        let mut member2 = member.clone();
        member2.group_instance_id = None;
        member2.target_assignment = Some(vec![tp("u", 0, -1001)]);
        let desc = ConsumerGroupDescription {
            group_id: "g".into(),
            is_simple_consumer_group: false,
            members: vec![member, member2],
            partition_assignor: Some("range".into()),
            authorized_operations: Some(vec![RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_OPERATION_DESCRIBE]),
            state: RD_KAFKA_CONSUMER_GROUP_STATE_STABLE,
            group_type: RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER,
            coordinator: Some(Node::new(3, "b3", 9093, Some("r1"))),
            error: None,
        };
        let failed = ConsumerGroupDescription::from_error("h", KafkaError::from_code(RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED));
        let ev = describe_consumer_groups_event::<FetchedBatch>(vec![desc, failed], ptr::null_mut()).into_raw();
        unsafe {
            let mut n = 0;
            let g = items(rd_kafka_DescribeConsumerGroups_result_groups(rd_kafka_event_DescribeConsumerGroups_result(ev), &mut n), n);
            assert_eq!(g.len(), 2);
            let d = g[0];
            assert_eq!(s(rd_kafka_ConsumerGroupDescription_group_id(d)), "g");
            assert!(rd_kafka_ConsumerGroupDescription_error(d).is_null());
            assert_eq!(rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(d), 0);
            assert_eq!(s(rd_kafka_ConsumerGroupDescription_partition_assignor(d)), "range");
            let ops = rd_kafka_ConsumerGroupDescription_authorized_operations(d, &mut n);
            assert_eq!(std::slice::from_raw_parts(ops, n), &[RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_OPERATION_DESCRIBE]);
            assert_eq!(rd_kafka_ConsumerGroupDescription_state(d), RD_KAFKA_CONSUMER_GROUP_STATE_STABLE);
            assert_eq!(rd_kafka_ConsumerGroupDescription_type(d), RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER);
            let c = rd_kafka_ConsumerGroupDescription_coordinator(d);
            assert_eq!((rd_kafka_Node_id(c), s(rd_kafka_Node_host(c)), rd_kafka_Node_port(c), s(rd_kafka_Node_rack(c))), (3, "b3".into(), 9093, "r1".into()));
            assert_eq!(rd_kafka_ConsumerGroupDescription_member_count(d), 2);
            assert!(rd_kafka_ConsumerGroupDescription_member(d, 2).is_null());
            let m = rd_kafka_ConsumerGroupDescription_member(d, 0);
            assert_eq!(s(rd_kafka_MemberDescription_client_id(m)), "c1");
            assert_eq!(s(rd_kafka_MemberDescription_consumer_id(m)), "m1");
            assert_eq!(s(rd_kafka_MemberDescription_group_instance_id(m)), "i1");
            assert_eq!(s(rd_kafka_MemberDescription_host(m)), "/10.0.0.1");
            let a = elements(rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(m)));
            assert_eq!(a.len(), 2);
            assert!(rd_kafka_MemberDescription_target_assignment(m).is_null());
            let m2 = rd_kafka_ConsumerGroupDescription_member(d, 1);
            assert!(rd_kafka_MemberDescription_group_instance_id(m2).is_null());
            let t = elements(rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_target_assignment(m2)));
            assert_eq!(s(t[0].topic), "u");

            let f = g[1];
            assert_eq!(rd_kafka_error_code(rd_kafka_ConsumerGroupDescription_error(f)), RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED);
            assert_eq!(rd_kafka_ConsumerGroupDescription_state(f), RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN);
            assert_eq!(rd_kafka_ConsumerGroupDescription_member_count(f), 0);
            assert!(rd_kafka_ConsumerGroupDescription_coordinator(f).is_null());
            assert!(rd_kafka_ConsumerGroupDescription_partition_assignor(f).is_null());
            n = 3;
            assert!(rd_kafka_ConsumerGroupDescription_authorized_operations(f, &mut n).is_null());
            assert_eq!(n, 0);
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn describe_topics_results() {
        let node = |id| Node::new(id, format!("b{id}"), 9092, None);
        let desc = TopicDescription {
            name: "t".into(),
            topic_id: (0x0102030405060708, 0x090a0b0c0d0e0f10),
            is_internal: false,
            partitions: vec![
                TopicPartitionInfo { partition: 0, leader: Some(node(1)), isr: vec![node(1), node(2)], replicas: vec![node(1), node(2), node(3)] },
                TopicPartitionInfo { partition: 1, leader: None, isr: vec![], replicas: vec![node(2)] },
            ],
            authorized_operations: Some(vec![]),
            error: None,
        };
        let failed = TopicDescription::from_error("missing", (0, 0), KafkaError::from_code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART));
        let ev = describe_topics_event::<FetchedBatch>(vec![desc, failed], ptr::null_mut()).into_raw();
        unsafe {
            let mut n = 0;
            let t = items(rd_kafka_DescribeTopics_result_topics(rd_kafka_event_DescribeTopics_result(ev), &mut n), n);
            assert_eq!(t.len(), 2);
            assert_eq!(s(rd_kafka_TopicDescription_name(t[0])), "t");
            assert_eq!(s(rd_kafka_Uuid_base64str(rd_kafka_TopicDescription_topic_id(t[0]))), "AQIDBAUGBwgJCgsMDQ4PEA");
            assert_eq!(rd_kafka_TopicDescription_is_internal(t[0]), 0);
            assert!(rd_kafka_TopicDescription_error(t[0]).is_null());
            n = 9;
            // Requested but none allowed: a non-NULL empty array.
            assert!(!rd_kafka_TopicDescription_authorized_operations(t[0], &mut n).is_null());
            assert_eq!(n, 0);
            let p = items(rd_kafka_TopicDescription_partitions(t[0], &mut n), n);
            assert_eq!(p.len(), 2);
            assert_eq!(rd_kafka_TopicPartitionInfo_partition(p[0]), 0);
            assert_eq!(rd_kafka_Node_id(rd_kafka_TopicPartitionInfo_leader(p[0])), 1);
            let isr = items(rd_kafka_TopicPartitionInfo_isr(p[0], &mut n), n);
            assert_eq!(isr.iter().map(|&x| rd_kafka_Node_id(x)).collect::<Vec<_>>(), vec![1, 2]);
            let reps = items(rd_kafka_TopicPartitionInfo_replicas(p[0], &mut n), n);
            assert_eq!(reps.iter().map(|&x| s(rd_kafka_Node_host(x))).collect::<Vec<_>>(), vec!["b1", "b2", "b3"]);
            assert!(rd_kafka_TopicPartitionInfo_leader(p[1]).is_null());
            assert!(rd_kafka_TopicPartitionInfo_isr(p[1], &mut n).is_null());
            assert_eq!(n, 0);

            assert_eq!(rd_kafka_error_code(rd_kafka_TopicDescription_error(t[1])), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
            assert!(rd_kafka_TopicDescription_partitions(t[1], &mut n).is_null());
            assert!(rd_kafka_TopicDescription_authorized_operations(t[1], &mut n).is_null());
            assert!(!rd_kafka_TopicDescription_topic_id(t[1]).is_null());
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn describe_cluster_results() {
        let cluster = ClusterDescription {
            cluster_id: Some("abc".into()),
            controller: Some(Node::new(2, "h2", 9092, None)),
            nodes: vec![Node::new(1, "h1", 9092, Some("rackA")), Node::new(2, "h2", 9092, None)],
            authorized_operations: crate::objects::admin::authorized_operations_from_bits(1 << RD_KAFKA_ACL_OPERATION_ALTER),
        };
        let ev = describe_cluster_event::<FetchedBatch>(cluster, ptr::null_mut()).into_raw();
        unsafe {
            let r = rd_kafka_event_DescribeCluster_result(ev);
            assert_eq!(s(rd_kafka_DescribeCluster_result_cluster_id(r)), "abc");
            assert_eq!(rd_kafka_Node_id(rd_kafka_DescribeCluster_result_controller(r)), 2);
            let mut n = 0;
            let nodes = items(rd_kafka_DescribeCluster_result_nodes(r, &mut n), n);
            assert_eq!(nodes.len(), 2);
            assert_eq!(s(rd_kafka_Node_rack(nodes[0])), "rackA");
            assert!(rd_kafka_Node_rack(nodes[1]).is_null());
            let ops = rd_kafka_DescribeCluster_result_authorized_operations(r, &mut n);
            assert_eq!(std::slice::from_raw_parts(ops, n), &[RD_KAFKA_ACL_OPERATION_ALTER]);
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn acl_results() {
        let ev = create_acls_event::<FetchedBatch>(vec![AclResult { error: None }, AclResult { error: Some(KafkaError::new(RD_KAFKA_RESP_ERR_INVALID_REQUEST, "bad acl")) }], ptr::null_mut()).into_raw();
        unsafe {
            let mut n = 0;
            let r = items(rd_kafka_CreateAcls_result_acls(rd_kafka_event_CreateAcls_result(ev), &mut n), n);
            assert_eq!(r.len(), 2);
            assert!(rd_kafka_acl_result_error(r[0]).is_null());
            assert_eq!(s(rd_kafka_error_string(rd_kafka_acl_result_error(r[1]))), "bad acl");
            rd_kafka_event_destroy(ev);
        }

        let b = AclBinding::raw(RD_KAFKA_RESOURCE_TOPIC, Some("t"), RD_KAFKA_RESOURCE_PATTERN_LITERAL, Some("User:a"), Some("*"), RD_KAFKA_ACL_OPERATION_WRITE, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW);
        let ev = describe_acls_event::<FetchedBatch>(vec![b.clone()], ptr::null_mut()).into_raw();
        unsafe {
            let mut n = 0;
            let r = items(rd_kafka_DescribeAcls_result_acls(rd_kafka_event_DescribeAcls_result(ev), &mut n), n);
            assert_eq!(r.len(), 1);
            assert_eq!(s(rd_kafka_AclBinding_principal(r[0])), "User:a");
            assert_eq!(rd_kafka_AclBinding_operation(r[0]), RD_KAFKA_ACL_OPERATION_WRITE);
            rd_kafka_event_destroy(ev);
        }

        let mut b_err = b.clone();
        b_err.error = Some(KafkaError::new(RD_KAFKA_RESP_ERR_SECURITY_DISABLED, "no"));
        let ev = delete_acls_event::<FetchedBatch>(
            vec![
                DeleteAclsResponse { error: None, matching_acls: vec![b, b_err] },
                DeleteAclsResponse { error: Some(KafkaError::from_code(RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED)), matching_acls: vec![] },
            ],
            ptr::null_mut(),
        )
        .into_raw();
        unsafe {
            let mut n = 0;
            let r = items(rd_kafka_DeleteAcls_result_responses(rd_kafka_event_DeleteAcls_result(ev), &mut n), n);
            assert_eq!(r.len(), 2);
            assert!(rd_kafka_DeleteAcls_result_response_error(r[0]).is_null());
            let m = items(rd_kafka_DeleteAcls_result_response_matching_acls(r[0], &mut n), n);
            assert_eq!(m.len(), 2);
            assert!(rd_kafka_AclBinding_error(m[0]).is_null());
            assert_eq!(rd_kafka_error_code(rd_kafka_AclBinding_error(m[1])), RD_KAFKA_RESP_ERR_SECURITY_DISABLED);
            assert_eq!(rd_kafka_error_code(rd_kafka_DeleteAcls_result_response_error(r[1])), RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED);
            assert!(rd_kafka_DeleteAcls_result_response_matching_acls(r[1], &mut n).is_null());
            assert_eq!(n, 0);
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn scram_results() {
        let desc = UserScramCredentialsDescription {
            user: "alice".into(),
            error: KafkaError::from_code(0),
            credentials: vec![ScramCredentialInfo { mechanism: RD_KAFKA_SCRAM_MECHANISM_SHA_256, iterations: 4096 }, ScramCredentialInfo { mechanism: RD_KAFKA_SCRAM_MECHANISM_SHA_512, iterations: 8192 }],
        };
        let missing = UserScramCredentialsDescription { user: "bob".into(), error: KafkaError::new(RD_KAFKA_RESP_ERR_RESOURCE_NOT_FOUND, "no such user"), credentials: vec![] };
        let mut ev = describe_user_scram_credentials_event::<FetchedBatch>(vec![desc, missing], ptr::null_mut());
        set_event_error(&mut ev, &KafkaError::new(RD_KAFKA_RESP_ERR_UNKNOWN, ""));
        let ev = ev.into_raw();
        unsafe {
            assert_eq!(rd_kafka_event_error(ev), RD_KAFKA_RESP_ERR_UNKNOWN);
            let mut n = 0;
            let d = items(rd_kafka_DescribeUserScramCredentials_result_descriptions(rd_kafka_event_DescribeUserScramCredentials_result(ev), &mut n), n);
            assert_eq!(d.len(), 2);
            assert_eq!(s(rd_kafka_UserScramCredentialsDescription_user(d[0])), "alice");
            assert_eq!(rd_kafka_error_code(rd_kafka_UserScramCredentialsDescription_error(d[0])), 0);
            assert_eq!(rd_kafka_UserScramCredentialsDescription_scramcredentialinfo_count(d[0]), 2);
            let c1 = rd_kafka_UserScramCredentialsDescription_scramcredentialinfo(d[0], 1);
            assert_eq!(rd_kafka_ScramCredentialInfo_mechanism(c1), RD_KAFKA_SCRAM_MECHANISM_SHA_512);
            assert_eq!(rd_kafka_ScramCredentialInfo_iterations(c1), 8192);
            assert!(rd_kafka_UserScramCredentialsDescription_scramcredentialinfo(d[0], 2).is_null());
            assert_eq!(s(rd_kafka_error_string(rd_kafka_UserScramCredentialsDescription_error(d[1]))), "no such user");
            rd_kafka_event_destroy(ev);
        }

        let ev = alter_user_scram_credentials_event::<FetchedBatch>(
            vec![
                AlterUserScramCredentialsResponse { user: "alice".into(), error: KafkaError::from_code(0) },
                AlterUserScramCredentialsResponse { user: "bob".into(), error: KafkaError::from_code(RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM) },
            ],
            ptr::null_mut(),
        )
        .into_raw();
        unsafe {
            let mut n = 0;
            let r = items(rd_kafka_AlterUserScramCredentials_result_responses(rd_kafka_event_AlterUserScramCredentials_result(ev), &mut n), n);
            assert_eq!(r.len(), 2);
            assert_eq!(s(rd_kafka_AlterUserScramCredentials_result_response_user(r[1])), "bob");
            assert_eq!(rd_kafka_error_code(rd_kafka_AlterUserScramCredentials_result_response_error(r[0])), 0);
            assert_eq!(rd_kafka_error_code(rd_kafka_AlterUserScramCredentials_result_response_error(r[1])), RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM);
            rd_kafka_event_destroy(ev);
        }
    }

    #[test]
    fn null_result_handles_are_safe() {
        unsafe {
            let mut n: size_t = 3;
            assert!(rd_kafka_CreateTopics_result_topics(ptr::null(), &mut n).is_null());
            assert_eq!(n, 0);
            assert!(rd_kafka_CreateTopics_result_topics(ptr::null(), ptr::null_mut()).is_null());
            assert!(rd_kafka_topic_result_name(ptr::null()).is_null());
            assert!(rd_kafka_DeleteRecords_result_offsets(ptr::null()).is_null());
            assert!(rd_kafka_TopicDescription_name(ptr::null()).is_null());
            assert!(rd_kafka_ConsumerGroupDescription_member(ptr::null(), 0).is_null());
            assert_eq!(rd_kafka_ConsumerGroupDescription_member_count(ptr::null()), 0);
            assert!(rd_kafka_ListOffsetsResultInfo_topic_partition(ptr::null()).is_null());
            assert_eq!(rd_kafka_ListOffsetsResultInfo_timestamp(ptr::null()), -1);
            assert!(rd_kafka_UserScramCredentialsDescription_scramcredentialinfo(ptr::null(), 0).is_null());
            assert!(rd_kafka_DescribeCluster_result_cluster_id(ptr::null()).is_null());
        }
    }
}
