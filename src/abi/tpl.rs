//! Topic-partition lists: the C functions on
//! `rd_kafka_topic_partition_list_t *` (the list's memory rules and the
//! Rust-side helpers live in `crate::objects::tpl`).

use crate::objects::tpl::{clear_element, elements, elements_mut, grow, private_mut, private_of, push};
use crate::objects::types::*;
use crate::objects::util::{c_memdup, cstr};
use std::cmp::Ordering;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

/// Frees one topic-partition returned by rd_kafka_event_topic_partition().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_destroy(rktpar: *mut rd_kafka_topic_partition_t) {
    crate::ffi_guard!((), {
        if !rktpar.is_null() {
            // SAFETY: a single element allocated with malloc by the library.
            unsafe {
                clear_element(&mut *rktpar);
                libc::free(rktpar as *mut c_void);
            }
        }
    })
}

/// Sets the leader epoch of an element (-1: unknown).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_set_leader_epoch(rktpar: *mut rd_kafka_topic_partition_t, leader_epoch: i32) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a valid element or NULL.
        if let Some(e) = unsafe { rktpar.as_mut() } {
            unsafe { private_mut(e) }.leader_epoch = leader_epoch;
        }
    })
}

/// The leader epoch of an element, -1 if not known.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_get_leader_epoch(rktpar: *const rd_kafka_topic_partition_t) -> i32 {
    // SAFETY: caller passes a valid element or NULL.
    match unsafe { rktpar.as_ref() } {
        Some(e) => unsafe { private_of(e) }.map_or(-1, |p| p.leader_epoch),
        None => -1,
    }
}

/// A new, empty list with room for `size` elements.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_topic_partition_list_new(size: c_int) -> *mut rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null_mut(), { crate::objects::tpl::new_list(size) })
}

/// Frees a list and everything its elements own.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_destroy(rkparlist: *mut rd_kafka_topic_partition_list_t) {
    crate::ffi_guard!((), {
        // SAFETY: NULL or a list allocated by rd_kafka_topic_partition_list_new().
        unsafe { crate::objects::tpl::destroy_list(rkparlist) }
    })
}

/// Appends topic+partition (duplicates allowed) and returns the new element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_add(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_topic_partition_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller passes a valid list and string, or NULL.
        match (unsafe { rktparlist.as_mut() }, unsafe { cstr(topic) }) {
            (Some(l), Some(t)) => unsafe { push(l, &t, partition) },
            _ => ptr::null_mut(),
        }
    })
}

/// Appends partitions `start` to `stop` (inclusive) of `topic`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_add_range(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, start: i32, stop: i32) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a valid list and string, or NULL.
        if let (Some(l), Some(t)) = (unsafe { rktparlist.as_mut() }, unsafe { cstr(topic) }) {
            if stop >= start {
                unsafe { grow(l, (stop - start).saturating_add(1)) };
            }
            for p in start..=stop {
                unsafe { push(l, &t, p) };
            }
        }
    })
}

/// Removes the element at `idx`, keeping the order of the others.
unsafe fn remove_at(list: &mut rd_kafka_topic_partition_list_t, idx: usize) {
    // SAFETY: idx < cnt (callers check); elements are shifted down by one.
    unsafe {
        let base = list.elems;
        clear_element(&mut *base.add(idx));
        let tail = list.cnt as usize - idx - 1;
        ptr::copy(base.add(idx + 1), base.add(idx), tail);
    }
    list.cnt -= 1;
}

fn topic_is(e: &rd_kafka_topic_partition_t, topic: &str) -> bool {
    // SAFETY: element topics are NUL-terminated strings.
    unsafe { cstr(e.topic) }.is_some_and(|t| t == topic)
}

/// Index of the first element with this topic and partition.
unsafe fn position(list: *const rd_kafka_topic_partition_list_t, topic: &str, partition: i32) -> Option<usize> {
    // SAFETY: caller contract.
    unsafe { elements(list) }.iter().position(|e| e.partition == partition && topic_is(e, topic))
}

/// Removes the first element matching topic and partition; 1 if one was
/// removed, else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_del(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller passes a valid list and string, or NULL.
        let Some(t) = (unsafe { cstr(topic) }) else { return 0 };
        match unsafe { position(rktparlist, &t, partition) } {
            Some(i) => {
                unsafe { remove_at(&mut *rktparlist, i) };
                1
            }
            None => 0,
        }
    })
}

/// Removes the element at `idx`; 1 if it existed, else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_del_by_idx(rktparlist: *mut rd_kafka_topic_partition_list_t, idx: c_int) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller passes a valid list or NULL.
        match unsafe { rktparlist.as_mut() } {
            Some(l) if idx >= 0 && idx < l.cnt => {
                unsafe { remove_at(l, idx as usize) };
                1
            }
            _ => 0,
        }
    })
}

/// A deep copy of a list (topic names, offsets, metadata, errors, opaques,
/// leader epochs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_copy(src: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if src.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: src is a valid list.
        let items = unsafe { elements(src) };
        let dst = rd_kafka_topic_partition_list_new(items.len() as c_int);
        let Some(d) = (unsafe { dst.as_mut() }) else { return dst };
        for s in items {
            // SAFETY: s.topic is a valid string; d is valid.
            let name = unsafe { cstr(s.topic) }.map(|c| c.into_owned()).unwrap_or_default();
            let e = unsafe { push(d, &name, s.partition) };
            if let Some(e) = unsafe { e.as_mut() } {
                e.offset = s.offset;
                e.err = s.err;
                e.opaque = s.opaque;
                if !s.metadata.is_null() {
                    e.metadata = c_memdup(unsafe { crate::objects::util::bytes(s.metadata, s.metadata_size) });
                    e.metadata_size = if e.metadata.is_null() { 0 } else { s.metadata_size };
                }
                if let Some(p) = unsafe { private_of(s) } {
                    *unsafe { private_mut(e) } = *p;
                }
            }
        }
        dst
    })
}

/// Sets the offset of an existing topic+partition; _UNKNOWN_PARTITION if the
/// list does not have it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_set_offset(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32, offset: i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: caller passes a valid list and string, or NULL.
        let e = unsafe { rd_kafka_topic_partition_list_find(rktparlist, topic, partition) };
        match unsafe { e.as_mut() } {
            Some(e) => {
                e.offset = offset;
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            None => RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION,
        }
    })
}

/// The first element with this topic and partition, or NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_find(rktparlist: *const rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_topic_partition_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller passes a valid list and string, or NULL.
        let Some(t) = (unsafe { cstr(topic) }) else { return ptr::null_mut() };
        match unsafe { position(rktparlist, &t, partition) } {
            Some(i) => unsafe { (*rktparlist).elems.add(i) },
            None => ptr::null_mut(),
        }
    })
}

/// Sorts the list with `cmp` (called with two element pointers and
/// `cmp_opaque`), or by topic name then partition when `cmp` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_sort(rktparlist: *mut rd_kafka_topic_partition_list_t, cmp: Option<unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int>, cmp_opaque: *mut c_void) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a valid list or NULL.
        let elems = unsafe { elements_mut(rktparlist) };
        match cmp {
            Some(f) => elems.sort_by(|a, b| {
                // SAFETY: the application's comparator gets element pointers.
                let r = unsafe { f(a as *const _ as *const c_void, b as *const _ as *const c_void, cmp_opaque) };
                r.cmp(&0)
            }),
            None => elems.sort_by(|a, b| {
                // SAFETY: element topics are NULL or valid strings.
                let (ta, tb) = unsafe { (cstr(a.topic), cstr(b.topic)) };
                match ta.cmp(&tb) {
                    Ordering::Equal => a.partition.cmp(&b.partition),
                    o => o,
                }
            }),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::tpl::{from_slice, to_vec, TopicPartition};

    #[test]
    fn round_trip_through_c_list() {
        let mut a = TopicPartition::new("t1", 3).with_offset(42);
        a.metadata = Some(b"meta".to_vec());
        a.leader_epoch = 7;
        let b = TopicPartition::new("t0", 1);
        let list = from_slice(&[a.clone(), b.clone()]);
        unsafe {
            assert_eq!(to_vec(list), vec![a.clone(), b.clone()]);
            let copy = rd_kafka_topic_partition_list_copy(list);
            rd_kafka_topic_partition_list_sort(copy, None, ptr::null_mut());
            assert_eq!(to_vec(copy), vec![b, a]);
            assert_eq!(rd_kafka_topic_partition_list_del(copy, c"t1".as_ptr(), 3), 1);
            assert_eq!(rd_kafka_topic_partition_list_del(copy, c"t1".as_ptr(), 3), 0);
            assert_eq!((*copy).cnt, 1);
            rd_kafka_topic_partition_list_destroy(copy);
            rd_kafka_topic_partition_list_destroy(list);
        }
    }

    #[test]
    fn add_range_grows() {
        let list = rd_kafka_topic_partition_list_new(0);
        unsafe {
            rd_kafka_topic_partition_list_add_range(list, c"x".as_ptr(), 0, 99);
            assert_eq!((*list).cnt, 100);
            assert!((*list).size >= 100);
            let e = rd_kafka_topic_partition_list_find(list, c"x".as_ptr(), 57);
            assert_eq!((*e).partition, 57);
            assert_eq!((*e).offset, RD_KAFKA_OFFSET_INVALID);
            assert_eq!(rd_kafka_topic_partition_list_set_offset(list, c"x".as_ptr(), 100, 5), RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
            rd_kafka_topic_partition_list_destroy(list);
        }
    }
}
