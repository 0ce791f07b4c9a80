//! Message accessors: the C functions on `rd_kafka_message_t *` and
//! `rd_kafka_messages_t *` (the objects, [`MessageObj`] and
//! [`MessagesObj`], live in `crate::objects::message`).

use crate::objects::message::{MessageObj, MessagesObj, MsgKind};
use crate::objects::types::*;
use crate::objects::util::set_last_error;
use libc::size_t;
use std::os::raw::c_char;
use std::ptr;

/// Number of messages in a share-consumer batch (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_messages_count(messages: *const rd_kafka_messages_t) -> size_t {
    crate::ffi_guard!(0, {
        // SAFETY: handle validity is the caller's contract.
        unsafe { MessagesObj::from_ptr(messages) }.map_or(0, MessagesObj::len)
    })
}

/// The message at `index` of a batch, owned by the batch (NULL if out of range).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_messages_get(messages: *const rd_kafka_messages_t, index: size_t) -> *mut rd_kafka_message_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle validity is the caller's contract.
        match unsafe { MessagesObj::from_ptr(messages) }.and_then(|b| b.msgs.get(index)) {
            Some(&m) => m,
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                ptr::null_mut()
            }
        }
    })
}

/// Frees a batch and every message in it (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_messages_destroy(messages: *mut rd_kafka_messages_t) {
    crate::ffi_guard!((), {
        if !messages.is_null() {
            // SAFETY: the handle came from MessagesObj::into_raw.
            drop(unsafe { Box::from_raw(messages as *mut MessagesObj) });
        }
    })
}

/// Frees a message the library handed out, with its headers and buffers (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_destroy(rkmessage: *mut rd_kafka_message_t) {
    crate::ffi_guard!((), {
        // SAFETY: message validity is the caller's contract; pointers that
        // are not our messages are left alone.
        drop(unsafe { MessageObj::from_raw(rkmessage) });
    })
}

/// Error text of a failed consumer message: the payload string, else the code's description; NULL without error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_errstr(rkmessage: *const rd_kafka_message_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: message validity is the caller's contract.
        let Some(m) = (unsafe { rkmessage.as_ref() }) else {
            return ptr::null();
        };
        if m.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            return ptr::null();
        }
        // Only the public fields are read: applications may pass message
        // structs of their own (e.g. from rd_kafka_produce_batch()). For that
        // reason this is not for delivery reports, whose payload is the
        // application's data (use rd_kafka_message_produce_errstr()).
        if !m.payload.is_null() {
            m.payload as *const c_char
        } else {
            super::error::rd_kafka_err2str(m.err)
        }
    })
}

/// Error message of a failed delivery report, or NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_produce_errstr(rkmessage: *const rd_kafka_message_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: message validity is the caller's contract.
        match unsafe { MessageObj::from_ptr(rkmessage) } {
            Some(m) if m.msg.err != RD_KAFKA_RESP_ERR_NO_ERROR && m.kind() == MsgKind::Producer => {
                m.produce_errstr.as_ref().map_or(ptr::null(), |s| s.as_ptr())
            }
            _ => ptr::null(),
        }
    })
}

/// Message timestamp in ms since the epoch and its type; -1 (NOT_AVAILABLE) for errors or when unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_timestamp(rkmessage: *const rd_kafka_message_t, tstype: *mut rd_kafka_timestamp_type_t) -> i64 {
    crate::ffi_guard!(-1, {
        // SAFETY: message validity is the caller's contract; the private
        // part is only read for messages without error, as librdkafka does.
        let (ts, ty) = match unsafe { rkmessage.as_ref() } {
            Some(m) if m.err == RD_KAFKA_RESP_ERR_NO_ERROR => match unsafe { MessageObj::from_ptr(rkmessage) } {
                Some(o) => (o.timestamp, o.tstype),
                None => (-1, RD_KAFKA_TIMESTAMP_NOT_AVAILABLE),
            },
            _ => (-1, RD_KAFKA_TIMESTAMP_NOT_AVAILABLE),
        };
        if !tstype.is_null() {
            // SAFETY: non-NULL out-parameter of the caller.
            unsafe { *tstype = ty };
        }
        ts
    })
}

/// Microseconds from produce() to now for a produced message, or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_latency(rkmessage: *const rd_kafka_message_t) -> i64 {
    crate::ffi_guard!(-1, {
        // SAFETY: message validity is the caller's contract.
        unsafe { MessageObj::from_ptr(rkmessage) }.map_or(-1, MessageObj::latency_us)
    })
}

/// Id of the broker the message was produced to or fetched from, or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_broker_id(rkmessage: *const rd_kafka_message_t) -> i32 {
    crate::ffi_guard!(-1, {
        // SAFETY: message validity is the caller's contract.
        unsafe { MessageObj::from_ptr(rkmessage) }.map_or(-1, |m| m.broker_id)
    })
}

/// Whether a produced message is known to be persisted in the log (consumed messages: PERSISTED).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_status(rkmessage: *const rd_kafka_message_t) -> rd_kafka_msg_status_t {
    crate::ffi_guard!(RD_KAFKA_MSG_STATUS_NOT_PERSISTED, {
        // SAFETY: message validity is the caller's contract.
        unsafe { MessageObj::from_ptr(rkmessage) }.map_or(RD_KAFKA_MSG_STATUS_NOT_PERSISTED, |m| m.status)
    })
}

/// Partition leader epoch of a consumed message, or -1 if unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_leader_epoch(rkmessage: *const rd_kafka_message_t) -> i32 {
    crate::ffi_guard!(-1, {
        // SAFETY: message validity is the caller's contract.
        match unsafe { MessageObj::from_ptr(rkmessage) } {
            Some(m) if m.kind() == MsgKind::Consumer => m.leader_epoch,
            _ => -1,
        }
    })
}

/// Share consumer: how many times the message was delivered; 0 when not applicable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_delivery_count(rkmessage: *const rd_kafka_message_t) -> i16 {
    crate::ffi_guard!(0, {
        // SAFETY: message validity is the caller's contract.
        unsafe { MessageObj::from_ptr(rkmessage) }.map_or(0, |m| m.delivery_count)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::headers::*;
    use crate::objects::headers::*;
    use crate::objects::message::*;
    use std::os::raw::c_void;
    use std::sync::Arc;
    use std::ffi::CStr;

    fn consumed(raw_headers: MsgBuf) -> Box<MessageObj> {
        MessageObj::consumed(Consumed {
            rkt: ptr::null_mut(),
            partition: 3,
            offset: 42,
            key: MsgBuf::copy_of(Some(b"")),
            payload: MsgBuf::copy_of(Some(b"hello")),
            raw_headers,
            timestamp: 1_700_000_000_000,
            tstype: RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME,
            broker_id: 2,
            leader_epoch: 7,
            delivery_count: 0,
        })
    }

    fn wire(pairs: &[(&[u8], Option<&[u8]>)]) -> MsgBuf {
        let mut out = Vec::new();
        HeadersObj::from_pairs(pairs.iter().copied()).write_wire(&mut out);
        MsgBuf::Owned(out.into())
    }

    #[test]
    fn consumed_message_accessors() {
        let p = consumed(MsgBuf::Null).into_raw();
        unsafe {
            let m = &*p;
            assert_eq!(m.err, 0);
            assert_eq!(m.partition, 3);
            assert_eq!(m.offset, 42);
            assert_eq!(std::slice::from_raw_parts(m.payload as *const u8, m.len), b"hello");
            // Empty key: non-NULL pointer, length 0.
            assert!(!m.key.is_null());
            assert_eq!(m.key_len, 0);
            let mut ty = -5;
            assert_eq!(rd_kafka_message_timestamp(p, &mut ty), 1_700_000_000_000);
            assert_eq!(ty, RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME);
            assert_eq!(rd_kafka_message_timestamp(p, ptr::null_mut()), 1_700_000_000_000);
            assert_eq!(rd_kafka_message_broker_id(p), 2);
            assert_eq!(rd_kafka_message_leader_epoch(p), 7);
            assert_eq!(rd_kafka_message_status(p), RD_KAFKA_MSG_STATUS_PERSISTED);
            assert_eq!(rd_kafka_message_latency(p), -1);
            assert_eq!(rd_kafka_message_delivery_count(p), 0);
            assert!(rd_kafka_message_errstr(p).is_null());
            assert!(rd_kafka_message_produce_errstr(p).is_null());
            let mut h: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_headers(p, &mut h), RD_KAFKA_RESP_ERR__NOENT);
            rd_kafka_message_destroy(p);
        }
    }

    #[test]
    fn null_payload_and_key_are_null_pointers() {
        let mut m = consumed(MsgBuf::Null);
        m.set_payload(MsgBuf::Null);
        m.set_key(MsgBuf::copy_of(None));
        assert!(m.msg.payload.is_null() && m.msg.len == 0);
        assert!(m.msg.key.is_null() && m.msg.key_len == 0);
        assert_eq!(m.payload(), None);
    }

    #[test]
    fn shared_buffers() {
        let batch: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(b"keyvalue".to_vec());
        assert!(MsgBuf::shared(batch.clone(), 5, 4).is_none());
        assert!(MsgBuf::shared(batch.clone(), usize::MAX, 2).is_none());
        let mut m = consumed(MsgBuf::Null);
        m.set_key(MsgBuf::shared(batch.clone(), 0, 3).unwrap());
        m.set_payload(MsgBuf::shared(batch.clone(), 3, 5).unwrap());
        assert_eq!(m.key(), Some(&b"key"[..]));
        assert_eq!(m.payload(), Some(&b"value"[..]));
        assert_eq!(m.msg.key as *const u8, (*batch).as_ref().as_ptr());
        assert_eq!(m.msg.len, 5);
        drop(m);
        assert_eq!(Arc::strong_count(&batch), 1);
    }

    #[test]
    fn consumed_headers_parse_lazily() {
        let raw = wire(&[(b"a", Some(b"1")), (b"n", None), (b"a", Some(b"2"))]);
        let p = consumed(raw).into_raw();
        unsafe {
            let mut h: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_headers(p, &mut h), 0);
            let mut h2: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_headers(p, &mut h2), 0);
            assert_eq!(h, h2, "parsed once, then cached");
            assert_eq!(rd_kafka_header_cnt(h), 3);
            let mut v: *const c_void = ptr::null();
            let mut n: size_t = 0;
            assert_eq!(rd_kafka_header_get_last(h, c"a".as_ptr(), &mut v, &mut n), 0);
            assert_eq!(CStr::from_ptr(v as *const c_char), c"2");
            // Consumed headers can be modified, as with librdkafka.
            assert_eq!(rd_kafka_header_add(h, c"x".as_ptr(), -1, ptr::null(), 0), 0);

            // Detach: the application owns the list now.
            let mut d: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_detach_headers(p, &mut d), 0);
            assert_eq!(d, h);
            assert_eq!(rd_kafka_header_cnt(d), 4);
            // The raw headers are still there: asking again parses afresh.
            assert_eq!(rd_kafka_message_headers(p, &mut h2), 0);
            assert_ne!(h2, d);
            assert_eq!(rd_kafka_header_cnt(h2), 3);

            // set_headers replaces (and frees) the current list.
            rd_kafka_message_set_headers(p, d);
            assert_eq!(rd_kafka_message_headers(p, &mut h2), 0);
            assert_eq!(h2, d);
            rd_kafka_message_set_headers(p, d); // same list again: kept
            assert_eq!(rd_kafka_header_cnt(d), 4);
            rd_kafka_message_destroy(p);
        }
    }

    #[test]
    fn corrupt_headers_report_parse_error() {
        let p = consumed(MsgBuf::Owned(vec![0x02, 0x0a, b'x'].into())).into_raw();
        unsafe {
            let mut h: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_headers(p, &mut h), RD_KAFKA_RESP_ERR__UNDERFLOW);
            assert!(h.is_null());
            assert_eq!(rd_kafka_message_detach_headers(p, &mut h), RD_KAFKA_RESP_ERR__UNDERFLOW);
            assert_eq!(rd_kafka_message_headers(p, ptr::null_mut()), RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(rd_kafka_message_headers(ptr::null(), &mut h), RD_KAFKA_RESP_ERR__INVALID_ARG);
            rd_kafka_message_destroy(p);
        }
    }

    #[test]
    fn consumer_error_messages() {
        let p = MessageObj::consumer_error(ptr::null_mut(), 1, RD_KAFKA_RESP_ERR__PARTITION_EOF, 99, Some("reached end"), 4).into_raw();
        unsafe {
            let m = &*p;
            assert_eq!(m.err, RD_KAFKA_RESP_ERR__PARTITION_EOF);
            assert_eq!(m.offset, 99);
            assert_eq!(m.len, "reached end".len());
            assert_eq!(CStr::from_ptr(rd_kafka_message_errstr(p)), c"reached end");
            assert_eq!(rd_kafka_message_errstr(p), m.payload as *const c_char);
            let mut ty = -5;
            assert_eq!(rd_kafka_message_timestamp(p, &mut ty), -1);
            assert_eq!(ty, RD_KAFKA_TIMESTAMP_NOT_AVAILABLE);
            assert_eq!(rd_kafka_message_broker_id(p), 4);
            assert_eq!(rd_kafka_message_status(p), RD_KAFKA_MSG_STATUS_NOT_PERSISTED);
            rd_kafka_message_destroy(p);
        }
        let p = MessageObj::consumer_error(ptr::null_mut(), 1, RD_KAFKA_RESP_ERR__TRANSPORT, -1, None, -1).into_raw();
        unsafe {
            assert!((*p).payload.is_null());
            assert_eq!(CStr::from_ptr(rd_kafka_message_errstr(p)), c"Local: Broker transport failure");
            rd_kafka_message_destroy(p);
        }
    }

    #[test]
    fn produced_messages_and_delivery_reports() {
        // An application payload produced without F_COPY/F_FREE comes back as
        // the very same pointer.
        let app = b"app payload".to_vec();
        let mut headers = HeadersObj::new();
        headers.add(b"h", Some(b"v"));
        let mut opaque = 5u8;
        let mut m = MessageObj::produce(Produce {
            rkt: ptr::null_mut(),
            partition: RD_KAFKA_PARTITION_UA,
            payload: MsgBuf::App { ptr: app.as_ptr() as *mut c_void, len: app.len(), free: false },
            key: MsgBuf::copy_of(Some(b"k")),
            headers: Some(Box::new(headers)),
            opaque: &mut opaque as *mut u8 as *mut c_void,
            timestamp: 0,
        });
        assert_eq!(m.msg.payload as *const u8, app.as_ptr());
        assert_eq!(m.payload(), Some(&app[..]));
        assert_eq!(m.headers().unwrap().len(), 1);
        assert_eq!(m.tstype, RD_KAFKA_TIMESTAMP_CREATE_TIME);
        assert!(m.timestamp > 1_600_000_000_000);
        std::thread::sleep(std::time::Duration::from_millis(2));
        m.set_delivery(Delivery {
            err: RD_KAFKA_RESP_ERR_NO_ERROR,
            partition: 2,
            offset: 1000,
            log_append_time: Some(1234),
            broker_id: 3,
            status: RD_KAFKA_MSG_STATUS_PERSISTED,
            errstr: None,
        });
        let p = m.into_raw();
        unsafe {
            assert_eq!((*p)._private, &mut opaque as *mut u8 as *mut c_void);
            assert_eq!((*p).partition, 2);
            assert_eq!((*p).offset, 1000);
            let mut ty = 0;
            assert_eq!(rd_kafka_message_timestamp(p, &mut ty), 1234);
            assert_eq!(ty, RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME);
            assert!(rd_kafka_message_latency(p) >= 2000);
            assert_eq!(rd_kafka_message_broker_id(p), 3);
            assert_eq!(rd_kafka_message_status(p), RD_KAFKA_MSG_STATUS_PERSISTED);
            assert_eq!(rd_kafka_message_leader_epoch(p), -1);
            assert!(rd_kafka_message_produce_errstr(p).is_null());
            let mut h: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_detach_headers(p, &mut h), 0);
            // Producer messages never parse anything: after detaching there are none.
            let mut h2: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_headers(p, &mut h2), RD_KAFKA_RESP_ERR__NOENT);
            rd_kafka_headers_destroy(h);
            rd_kafka_message_destroy(p);
        }
        assert_eq!(app, b"app payload"); // not freed, not touched

        // A failed delivery with F_FREE: the buffer is freed with the report.
        let buf = crate::objects::util::c_memdup(b"to be freed");
        let p = MessageObj::delivery_report(
            Produce {
                rkt: ptr::null_mut(),
                partition: 0,
                payload: MsgBuf::App { ptr: buf, len: 11, free: true },
                key: MsgBuf::Null,
                headers: None,
                opaque: ptr::null_mut(),
                timestamp: 77,
            },
            Delivery {
                err: RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE,
                partition: 0,
                offset: RD_KAFKA_OFFSET_INVALID,
                log_append_time: None,
                broker_id: 1,
                status: RD_KAFKA_MSG_STATUS_NOT_PERSISTED,
                errstr: Some("record too big".into()),
            },
        )
        .into_raw();
        unsafe {
            assert_eq!((*p).payload, buf);
            assert_eq!(CStr::from_ptr(rd_kafka_message_produce_errstr(p)), c"record too big");
            // errstr() only looks at the public fields (as in librdkafka, it
            // is not meant for delivery reports).
            assert_eq!(rd_kafka_message_errstr(p), buf as *const c_char);
            assert_eq!(rd_kafka_message_timestamp(p, ptr::null_mut()), -1);
            let mut h: *mut rd_kafka_headers_t = ptr::null_mut();
            assert_eq!(rd_kafka_message_headers(p, &mut h), RD_KAFKA_RESP_ERR__NOENT);
            rd_kafka_message_destroy(p);
        }
    }

    #[test]
    fn disowned_payload_is_not_freed() {
        let data = b"mine".to_vec();
        let mut m = MessageObj::produce(Produce {
            rkt: ptr::null_mut(),
            partition: 0,
            payload: MsgBuf::App { ptr: data.as_ptr() as *mut c_void, len: 4, free: true },
            key: MsgBuf::Null,
            headers: Some(Box::new(HeadersObj::new())),
            opaque: ptr::null_mut(),
            timestamp: 1,
        });
        m.disown_payload();
        assert!(m.take_headers().is_some());
        assert!(m.headers().is_none());
        drop(m); // would be an invalid free() if still owned
        assert_eq!(data, b"mine");
    }

    #[test]
    fn batches() {
        let b = MessagesObj::new(vec![consumed(MsgBuf::Null), MessageObj::empty()]).into_raw();
        unsafe {
            assert_eq!(rd_kafka_messages_count(b), 2);
            let m0 = rd_kafka_messages_get(b, 0);
            assert_eq!((*m0).offset, 42);
            assert!(!rd_kafka_messages_get(b, 1).is_null());
            assert!(rd_kafka_messages_get(b, 2).is_null());
            rd_kafka_messages_destroy(b);
            assert_eq!(rd_kafka_messages_count(ptr::null()), 0);
            assert!(rd_kafka_messages_get(ptr::null(), 0).is_null());
            rd_kafka_messages_destroy(ptr::null_mut());
        }
    }

    #[test]
    fn null_and_foreign_messages() {
        unsafe {
            rd_kafka_message_destroy(ptr::null_mut());
            assert!(rd_kafka_message_errstr(ptr::null()).is_null());
            assert!(rd_kafka_message_produce_errstr(ptr::null()).is_null());
            let mut ty = 9;
            assert_eq!(rd_kafka_message_timestamp(ptr::null(), &mut ty), -1);
            assert_eq!(ty, RD_KAFKA_TIMESTAMP_NOT_AVAILABLE);
            assert_eq!(rd_kafka_message_latency(ptr::null()), -1);
            assert_eq!(rd_kafka_message_broker_id(ptr::null()), -1);
            assert_eq!(rd_kafka_message_status(ptr::null()), RD_KAFKA_MSG_STATUS_NOT_PERSISTED);
            assert_eq!(rd_kafka_message_leader_epoch(ptr::null()), -1);
            assert_eq!(rd_kafka_message_delivery_count(ptr::null()), 0);
            rd_kafka_message_set_headers(ptr::null_mut(), ptr::null_mut());

            // A message struct that is not ours (large enough to read the
            // magic from): only the public-field accessors answer.
            let mut foreign = [0u64; 64];
            assert!(std::mem::size_of_val(&foreign) >= std::mem::size_of::<MessageHdr>());
            let fp = foreign.as_mut_ptr() as *mut rd_kafka_message_t;
            (*fp).err = RD_KAFKA_RESP_ERR__BAD_MSG;
            assert_eq!(CStr::from_ptr(rd_kafka_message_errstr(fp)), c"Local: Bad message format");
            (*fp).err = 0;
            assert_eq!(rd_kafka_message_broker_id(fp), -1);
            rd_kafka_message_destroy(fp); // ignored
        }
    }

    #[test]
    fn share_delivery_count() {
        let mut m = consumed(MsgBuf::Null);
        m.delivery_count = 3;
        let p = m.into_raw();
        unsafe {
            assert_eq!(rd_kafka_message_delivery_count(p), 3);
            MessageObj::from_raw(p).unwrap();
        }
    }
}
