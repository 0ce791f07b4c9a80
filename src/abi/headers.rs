//! Message headers: the C functions on `rd_kafka_headers_t *` (the list
//! itself, [`HeadersObj`], lives in `crate::objects::headers`).

use crate::objects::headers::{Header, HeadersObj};
use crate::objects::message::MessageObj;
use crate::objects::types::*;
use crate::objects::util::set_last_error;
use libc::{size_t, ssize_t};
use std::os::raw::{c_char, c_void};
use std::ptr;

/// Borrows a C string argument as bytes (without the NUL).
unsafe fn name_bytes<'a>(name: *const c_char) -> &'a [u8] {
    // SAFETY: caller checked for NULL; C strings are NUL-terminated.
    unsafe { std::ffi::CStr::from_ptr(name) }.to_bytes()
}

fn invalid_arg() -> rd_kafka_resp_err_t {
    set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
    RD_KAFKA_RESP_ERR__INVALID_ARG
}

/// Writes a found header's value to the optional out-parameters.
unsafe fn put_value(found: &Header, valuep: *mut *const c_void, sizep: *mut size_t) {
    let (p, n) = found.value_ptr_len();
    // SAFETY: out-parameters are NULL or writable (caller contract).
    unsafe {
        if !valuep.is_null() {
            *valuep = p;
        }
        if !sizep.is_null() {
            *sizep = n;
        }
    }
}

/// Creates an empty header list; `initial_count` is only a capacity hint.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_headers_new(initial_count: size_t) -> *mut rd_kafka_headers_t {
    crate::ffi_guard!(ptr::null_mut(), { Box::new(HeadersObj::with_capacity(initial_count)).into_raw() })
}

/// Frees a header list and every value pointer obtained from it (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_headers_destroy(hdrs: *mut rd_kafka_headers_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from HeadersObj::into_raw (caller contract).
        drop(unsafe { HeadersObj::from_raw(hdrs) });
    })
}

/// Returns an independent deep copy of a header list (NULL for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_headers_copy(src: *const rd_kafka_headers_t) -> *mut rd_kafka_headers_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle validity is the caller's contract.
        match unsafe { HeadersObj::from_ptr(src) } {
            Some(h) => Box::new(h.clone()).into_raw(),
            None => ptr::null_mut(),
        }
    })
}

/// Appends a copy of a header; sizes of -1 mean strlen(), a NULL value is a null header value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_header_add(hdrs: *mut rd_kafka_headers_t, name: *const c_char, name_size: ssize_t, value: *const c_void, value_size: ssize_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle validity is the caller's contract.
        let Some(h) = (unsafe { HeadersObj::from_ptr_mut(hdrs) }) else {
            return invalid_arg();
        };
        if name.is_null() || name_size < -1 || value_size < -1 {
            return invalid_arg();
        }
        let name_b: &[u8] = if name_size == -1 {
            // SAFETY: NULL checked; a size of -1 promises a C string.
            unsafe { name_bytes(name) }
        } else {
            // SAFETY: the caller promises name_size readable bytes.
            unsafe { std::slice::from_raw_parts(name as *const u8, name_size as usize) }
        };
        let value_b: Option<&[u8]> = if value.is_null() {
            None
        } else if value_size == -1 {
            // SAFETY: a size of -1 promises a C string.
            Some(unsafe { name_bytes(value as *const c_char) })
        } else {
            // SAFETY: the caller promises value_size readable bytes.
            Some(unsafe { crate::objects::util::bytes(value, value_size as usize) })
        };
        h.add(name_b, value_b);
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Removes every header named `name`; `_NOENT` if there was none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_header_remove(hdrs: *mut rd_kafka_headers_t, name: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle validity is the caller's contract.
        let Some(h) = (unsafe { HeadersObj::from_ptr_mut(hdrs) }) else {
            return invalid_arg();
        };
        if name.is_null() {
            return invalid_arg();
        }
        // SAFETY: NULL checked.
        if h.remove(unsafe { name_bytes(name) }) { RD_KAFKA_RESP_ERR_NO_ERROR } else { RD_KAFKA_RESP_ERR__NOENT }
    })
}

/// Finds the last header named `name` and returns its NUL-terminated value (may be NULL) and size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_header_get_last(hdrs: *const rd_kafka_headers_t, name: *const c_char, valuep: *mut *const c_void, sizep: *mut size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle validity is the caller's contract.
        let Some(h) = (unsafe { HeadersObj::from_ptr(hdrs) }) else {
            return invalid_arg();
        };
        if name.is_null() {
            return invalid_arg();
        }
        // SAFETY: NULL checked.
        let name = unsafe { name_bytes(name) };
        match h.find_last(name) {
            Some(found) => {
                // SAFETY: out-parameters are the caller's.
                unsafe { put_value(found, valuep, sizep) };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            None => RD_KAFKA_RESP_ERR__NOENT,
        }
    })
}

/// Returns the value of the `idx`-th (from 0) header named `name`; `_NOENT` past the last one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_header_get(hdrs: *const rd_kafka_headers_t, idx: size_t, name: *const c_char, valuep: *mut *const c_void, sizep: *mut size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle validity is the caller's contract.
        let Some(h) = (unsafe { HeadersObj::from_ptr(hdrs) }) else {
            return invalid_arg();
        };
        if name.is_null() {
            return invalid_arg();
        }
        // SAFETY: NULL checked.
        let name = unsafe { name_bytes(name) };
        match h.find_nth(idx, name) {
            Some(found) => {
                // SAFETY: out-parameters are the caller's.
                unsafe { put_value(found, valuep, sizep) };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            None => RD_KAFKA_RESP_ERR__NOENT,
        }
    })
}

/// Returns the name, value and value size of the header at position `idx`; `_NOENT` past the end.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_header_get_all(hdrs: *const rd_kafka_headers_t, idx: size_t, namep: *mut *const c_char, valuep: *mut *const c_void, sizep: *mut size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle validity is the caller's contract.
        let Some(h) = (unsafe { HeadersObj::from_ptr(hdrs) }) else {
            return invalid_arg();
        };
        match h.list.get(idx) {
            Some(found) => {
                // SAFETY: out-parameters are NULL or writable (caller contract).
                unsafe {
                    if !namep.is_null() {
                        *namep = found.name_ptr();
                    }
                    put_value(found, valuep, sizep);
                }
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            None => RD_KAFKA_RESP_ERR__NOENT,
        }
    })
}

/// Returns the message's header list (parsed on first use), owned by the message; `_NOENT` if it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_headers(rkmessage: *const rd_kafka_message_t, hdrsp: *mut *mut rd_kafka_headers_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        if hdrsp.is_null() {
            return invalid_arg();
        }
        // SAFETY: message validity is the caller's contract; the message is
        // a heap object of ours, so updating its parse cache is allowed.
        let Some(m) = (unsafe { MessageObj::from_ptr_mut(rkmessage as *mut rd_kafka_message_t) }) else {
            return invalid_arg();
        };
        match m.headers_handle() {
            Ok(p) => {
                // SAFETY: checked non-NULL above.
                unsafe { *hdrsp = p };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            Err(e) => e,
        }
    })
}

/// Like rd_kafka_message_headers(), but the application takes ownership of the list and the message keeps none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_detach_headers(rkmessage: *mut rd_kafka_message_t, hdrsp: *mut *mut rd_kafka_headers_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        if hdrsp.is_null() {
            return invalid_arg();
        }
        // SAFETY: message validity is the caller's contract.
        let Some(m) = (unsafe { MessageObj::from_ptr_mut(rkmessage) }) else {
            return invalid_arg();
        };
        match m.headers_handle() {
            Ok(p) => {
                m.forget_headers_handle();
                // SAFETY: checked non-NULL above.
                unsafe { *hdrsp = p };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            Err(e) => e,
        }
    })
}

/// Replaces the message's headers with `hdrs` (ownership moves to the message); the old list is destroyed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_message_set_headers(rkmessage: *mut rd_kafka_message_t, hdrs: *mut rd_kafka_headers_t) {
    crate::ffi_guard!((), {
        // SAFETY: message validity is the caller's contract.
        if let Some(m) = unsafe { MessageObj::from_ptr_mut(rkmessage) } {
            // SAFETY: hdrs is NULL or a live list the caller hands over.
            unsafe { m.set_headers_handle(hdrs) };
        }
    })
}

/// Number of headers in the list (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_header_cnt(hdrs: *const rd_kafka_headers_t) -> size_t {
    crate::ffi_guard!(0, {
        // SAFETY: handle validity is the caller's contract.
        unsafe { HeadersObj::from_ptr(hdrs) }.map_or(0, |h| h.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::headers::*;

    #[test]
    fn varints_round_trip() {
        for v in [0i64, 1, -1, 63, -64, 64, -65, 300, i32::MAX as i64, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            write_varint(&mut out, v);
            assert_eq!(out.len(), varint_len(v), "len of {v}");
            let mut pos = 0;
            assert_eq!(read_varint(&out, &mut pos), Ok(v));
            assert_eq!(pos, out.len());
        }
        // Known encodings: zigzag 0 -> 00, -1 -> 01, 1 -> 02, 150 -> ac 02.
        let mut out = Vec::new();
        for v in [0, -1, 1, 150] {
            write_varint(&mut out, v);
        }
        assert_eq!(out, [0x00, 0x01, 0x02, 0xac, 0x02]);
        let mut pos = 0;
        assert_eq!(read_varint(&[0x80], &mut pos), Err(RD_KAFKA_RESP_ERR__UNDERFLOW));
        let mut pos = 0;
        assert_eq!(read_varint(&[0xff; 11], &mut pos), Err(RD_KAFKA_RESP_ERR__BAD_MSG));
    }

    #[test]
    fn list_semantics() {
        let mut h = HeadersObj::new();
        h.add(b"a", Some(b"1"));
        h.add(b"b", None);
        h.add(b"a", Some(b""));
        h.add(b"c", Some(b"3"));
        assert_eq!(h.len(), 4);
        assert_eq!(h.get_last(b"a"), Some(Some(&b""[..])));
        assert_eq!(h.get(0, b"a"), Some(Some(&b"1"[..])));
        assert_eq!(h.get(1, b"a"), Some(Some(&b""[..])));
        assert_eq!(h.get(2, b"a"), None);
        assert_eq!(h.get_last(b"b"), Some(None));
        assert_eq!(h.get_last(b"zz"), None);
        assert!(h.remove(b"a"));
        assert!(!h.remove(b"a"));
        let pairs: Vec<_> = h.iter().collect();
        assert_eq!(pairs, vec![(&b"b"[..], None), (&b"c"[..], Some(&b"3"[..]))]);
    }

    #[test]
    fn wire_round_trip_and_known_bytes() {
        let h = HeadersObj::from_pairs([(&b"k"[..], Some(&b"vv"[..])), (&b"n"[..], None), (&b""[..], Some(&b""[..]))]);
        let mut out = Vec::new();
        h.write_wire(&mut out);
        // count 3; "k" len 1, "vv" len 2; "n" len 1, null (-1); "" len 0, "" len 0.
        assert_eq!(out, [0x06, 0x02, b'k', 0x04, b'v', b'v', 0x02, b'n', 0x01, 0x00, 0x00]);
        assert_eq!(h.serialized_size(), out.len() - 1);
        assert_eq!(HeadersObj::parse_wire(&out), Ok(h));
    }

    #[test]
    fn wire_errors() {
        assert_eq!(HeadersObj::parse_wire(&[]), Err(RD_KAFKA_RESP_ERR__NOENT));
        assert_eq!(HeadersObj::parse_wire(&[0x00]), Err(RD_KAFKA_RESP_ERR__NOENT));
        assert_eq!(HeadersObj::parse_wire(&[0x01]), Err(RD_KAFKA_RESP_ERR__NOENT)); // -1
        let mut big = Vec::new();
        write_varint(&mut big, MAX_WIRE_HEADERS + 1);
        assert_eq!(HeadersObj::parse_wire(&big), Err(RD_KAFKA_RESP_ERR__BAD_MSG));
        // One header whose name runs past the end.
        assert_eq!(HeadersObj::parse_wire(&[0x02, 0x0a, b'x']), Err(RD_KAFKA_RESP_ERR__UNDERFLOW));
        // Negative name length.
        assert_eq!(HeadersObj::parse_wire(&[0x02, 0x03]), Err(RD_KAFKA_RESP_ERR__UNDERFLOW));
        // Value length -2.
        assert_eq!(HeadersObj::parse_wire(&[0x02, 0x02, b'x', 0x03]), Err(RD_KAFKA_RESP_ERR__UNDERFLOW));
        // Missing second header.
        assert_eq!(HeadersObj::parse_wire(&[0x04, 0x02, b'x', 0x01]), Err(RD_KAFKA_RESP_ERR__UNDERFLOW));
    }

    #[test]
    fn c_api() {
        unsafe {
            let h = rd_kafka_headers_new(0);
            assert_eq!(rd_kafka_header_add(h, c"name".as_ptr(), -1, c"value".as_ptr() as *const c_void, -1), 0);
            assert_eq!(rd_kafka_header_add(h, c"binary".as_ptr(), 3, b"\x00\x01".as_ptr() as *const c_void, 2), 0);
            assert_eq!(rd_kafka_header_add(h, c"nul".as_ptr(), -1, ptr::null(), 5), 0);
            assert_eq!(rd_kafka_header_cnt(h), 3);
            let mut v: *const c_void = ptr::null();
            let mut n: size_t = 99;
            assert_eq!(rd_kafka_header_get_last(h, c"nul".as_ptr(), &mut v, &mut n), 0);
            assert!(v.is_null());
            assert_eq!(n, 0);
            assert_eq!(rd_kafka_header_get_last(h, c"bi".as_ptr(), &mut v, &mut n), RD_KAFKA_RESP_ERR__NOENT);
            assert_eq!(rd_kafka_header_get_last(h, c"bin".as_ptr(), &mut v, &mut n), 0);
            assert_eq!(std::slice::from_raw_parts(v as *const u8, 3), b"\x00\x01\x00");
            let c = rd_kafka_headers_copy(h);
            rd_kafka_headers_destroy(h);
            assert_eq!(rd_kafka_header_cnt(c), 3);
            let mut name: *const c_char = ptr::null();
            assert_eq!(rd_kafka_header_get_all(c, 0, &mut name, &mut v, &mut n), 0);
            assert_eq!(std::ffi::CStr::from_ptr(name).to_bytes(), b"name");
            assert_eq!(std::ffi::CStr::from_ptr(v as *const c_char).to_bytes(), b"value");
            assert_eq!(n, 5);
            assert_eq!(rd_kafka_header_get_all(c, 3, &mut name, &mut v, &mut n), RD_KAFKA_RESP_ERR__NOENT);
            assert_eq!(rd_kafka_header_add(ptr::null_mut(), c"x".as_ptr(), -1, ptr::null(), 0), RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(rd_kafka_header_add(c, ptr::null(), -1, ptr::null(), 0), RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(rd_kafka_header_add(c, c"x".as_ptr(), -2, ptr::null(), 0), RD_KAFKA_RESP_ERR__INVALID_ARG);
            rd_kafka_headers_destroy(c);
            rd_kafka_headers_destroy(ptr::null_mut());
            assert!(rd_kafka_headers_copy(ptr::null()).is_null());
            assert_eq!(rd_kafka_header_cnt(ptr::null()), 0);
        }
    }
}
