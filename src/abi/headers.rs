//! Message headers.
//!
//! An `rd_kafka_headers_t *` points to a [`HeadersObj`]: an ordered list of
//! (name, value) pairs in which names may repeat. Every name and value is
//! kept in its own heap block with a trailing NUL byte that is not part of
//! its size, so the pointers handed to the application stay put while the
//! list grows or shrinks, and string values can be used as C strings.
//!
//! rdkafka.h allows `_READ_ONLY` from add/remove, but librdkafka never
//! returns it: the headers of consumed messages can be modified (e.g. before
//! producing the message again), and so they can here.
//!
//! The engine builds header lists from the wire with
//! [`HeadersObj::parse_wire`] (the record-level header section of a v2
//! record) and writes them with [`HeadersObj::write_wire`].

use super::types::*;
use super::util::set_last_error;
use libc::{size_t, ssize_t};
use std::os::raw::{c_char, c_void};
use std::ptr;

/// Header lists with more entries than this on the wire are rejected as
/// corrupt (librdkafka uses the same bound).
const MAX_WIRE_HEADERS: i64 = 100_000;

/// One header: a name and an optional (NULL) value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// One allocation: the name, a NUL, then (unless the value is NULL) the
    /// value and another NUL.
    data: Box<[u8]>,
    /// Length of the name.
    name_len: u32,
    /// Length of the value, None for a NULL value.
    value_len: Option<u32>,
}

impl Header {
    pub fn new(name: &[u8], value: Option<&[u8]>) -> Self {
        let total = name.len() + 1 + value.map_or(0, |v| v.len() + 1);
        let mut d = Vec::with_capacity(total);
        d.extend_from_slice(name);
        d.push(0);
        if let Some(v) = value {
            d.extend_from_slice(v);
            d.push(0);
        }
        Header { data: d.into_boxed_slice(), name_len: name.len() as u32, value_len: value.map(|v| v.len() as u32) }
    }

    /// The name, without the terminating NUL.
    pub fn name(&self) -> &[u8] {
        &self.data[..self.name_len as usize]
    }

    /// The value without the terminating NUL; None for a NULL value.
    pub fn value(&self) -> Option<&[u8]> {
        let start = self.name_len as usize + 1;
        self.value_len.map(|l| &self.data[start..start + l as usize])
    }

    /// NUL-terminated name for C.
    fn name_ptr(&self) -> *const c_char {
        self.data.as_ptr() as *const c_char
    }

    /// NUL-terminated value for C (NULL for a NULL value) and its size.
    fn value_ptr_len(&self) -> (*const c_void, usize) {
        match self.value_len {
            Some(l) => (self.data[self.name_len as usize + 1..].as_ptr() as *const c_void, l as usize),
            None => (ptr::null(), 0),
        }
    }

    /// The name up to its first NUL byte (what C string comparison sees).
    fn c_name(&self) -> &[u8] {
        let n = self.name();
        match n.iter().position(|&b| b == 0) {
            Some(i) => &n[..i],
            None => n,
        }
    }

    /// Size of this header in a v2 record: both lengths as varints plus the
    /// name and value bytes.
    fn wire_size(&self) -> usize {
        let name_len = self.name().len();
        let value_len = self.value().map_or(0, |v| v.len());
        let value_len_field = if self.value_len.is_some() { value_len as i64 } else { -1 };
        varint_len(name_len as i64) + name_len + varint_len(value_len_field) + value_len
    }
}

/// The object behind `rd_kafka_headers_t *`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeadersObj {
    list: Vec<Header>,
}

impl HeadersObj {
    pub fn new() -> Self {
        HeadersObj { list: Vec::new() }
    }

    /// An empty list with room for `n` headers (capped, the hint is advisory).
    pub fn with_capacity(n: usize) -> Self {
        HeadersObj { list: Vec::with_capacity(n.min(1024)) }
    }

    /// Builds a list from (name, value) pairs, in order.
    pub fn from_pairs<'a, I>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (&'a [u8], Option<&'a [u8]>)>,
    {
        let mut h = HeadersObj::new();
        for (n, v) in pairs {
            h.add(n, v);
        }
        h
    }

    /// Appends a header (duplicates allowed).
    pub fn add(&mut self, name: &[u8], value: Option<&[u8]>) {
        self.list.push(Header::new(name, value));
    }

    /// Removes every header with this name; false if there was none.
    pub fn remove(&mut self, name: &[u8]) -> bool {
        let before = self.list.len();
        self.list.retain(|h| h.c_name() != name);
        self.list.len() != before
    }

    /// The last header with this name: Some(value) if found (the value itself
    /// may be None for a NULL value).
    pub fn get_last(&self, name: &[u8]) -> Option<Option<&[u8]>> {
        self.find_last(name).map(Header::value)
    }

    /// The `idx`-th (from 0) header with this name.
    pub fn get(&self, idx: usize, name: &[u8]) -> Option<Option<&[u8]>> {
        self.find_nth(idx, name).map(Header::value)
    }

    fn find_last(&self, name: &[u8]) -> Option<&Header> {
        self.list.iter().rev().find(|h| h.name() == name)
    }

    fn find_nth(&self, idx: usize, name: &[u8]) -> Option<&Header> {
        self.list.iter().filter(|h| h.name() == name).nth(idx)
    }

    /// The header at position `idx`.
    pub fn get_all(&self, idx: usize) -> Option<&Header> {
        self.list.get(idx)
    }

    /// The headers in order as (name, value) pairs.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&[u8], Option<&[u8]>)> + Clone + '_ {
        self.list.iter().map(|h| (h.name(), h.value()))
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Size of the headers in a v2 record, without the leading header count.
    pub fn serialized_size(&self) -> usize {
        self.list.iter().map(Header::wire_size).sum()
    }

    /// Appends the header section of a v2 record: the header count, then for
    /// each header the name length, name, value length (-1 for NULL) and
    /// value, all lengths as zigzag varints.
    pub fn write_wire(&self, out: &mut Vec<u8>) {
        out.reserve(varint_len(self.list.len() as i64) + self.serialized_size());
        write_varint(out, self.list.len() as i64);
        for h in &self.list {
            let name = h.name();
            write_varint(out, name.len() as i64);
            out.extend_from_slice(name);
            match h.value() {
                Some(v) => {
                    write_varint(out, v.len() as i64);
                    out.extend_from_slice(v);
                }
                None => write_varint(out, -1),
            }
        }
    }

    /// Parses the header section of a v2 record (the format of
    /// [`HeadersObj::write_wire`]). Trailing bytes are ignored.
    ///
    /// Errors: `_NOENT` when the section is empty or declares no headers,
    /// `_BAD_MSG` for an absurd header count or a malformed varint,
    /// `_UNDERFLOW` when the data ends early or a length is negative.
    pub fn parse_wire(buf: &[u8]) -> Result<HeadersObj, rd_kafka_resp_err_t> {
        if buf.is_empty() {
            return Err(RD_KAFKA_RESP_ERR__NOENT);
        }
        let mut pos = 0usize;
        let count = read_varint(buf, &mut pos)?;
        if count <= 0 {
            return Err(RD_KAFKA_RESP_ERR__NOENT);
        }
        if count > MAX_WIRE_HEADERS {
            return Err(RD_KAFKA_RESP_ERR__BAD_MSG);
        }
        let mut h = HeadersObj::with_capacity(count as usize);
        for _ in 0..count {
            let name_len = read_varint(buf, &mut pos)?;
            let name = take(buf, &mut pos, name_len)?;
            let value_len = read_varint(buf, &mut pos)?;
            let value = if value_len == -1 { None } else { Some(take(buf, &mut pos, value_len)?) };
            h.add(name, value);
        }
        Ok(h)
    }

    /// Moves the list to the heap as an `rd_kafka_headers_t *`.
    pub fn into_raw(self: Box<Self>) -> *mut rd_kafka_headers_t {
        // Taking the Box (not the value) keeps the list at its address: a
        // list handed back to the application after a failed produce must
        // be the very one it passed in.
        Box::into_raw(self) as *mut rd_kafka_headers_t
    }

    /// Takes back ownership of a list made by `into_raw`; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw` that nothing else
    /// will use or free afterwards.
    pub unsafe fn from_raw(p: *mut rd_kafka_headers_t) -> Option<Box<HeadersObj>> {
        if p.is_null() {
            None
        } else {
            // SAFETY: caller contract.
            Some(unsafe { Box::from_raw(p as *mut HeadersObj) })
        }
    }

    /// Borrows the list behind a handle; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_headers_t) -> Option<&'a HeadersObj> {
        // SAFETY: caller contract.
        unsafe { (p as *const HeadersObj).as_ref() }
    }

    /// Mutable variant of [`HeadersObj::from_ptr`].
    ///
    /// # Safety
    /// As for `from_ptr`, and no other reference to the list may be live.
    pub unsafe fn from_ptr_mut<'a>(p: *mut rd_kafka_headers_t) -> Option<&'a mut HeadersObj> {
        // SAFETY: caller contract.
        unsafe { (p as *mut HeadersObj).as_mut() }
    }
}

// ---------------------------------------------------------------------------
// Zigzag varints (the length encoding of v2 records).
// ---------------------------------------------------------------------------

/// Number of bytes of `v` as a zigzag varint.
pub fn varint_len(v: i64) -> usize {
    let mut u = ((v << 1) ^ (v >> 63)) as u64;
    let mut n = 1;
    while u >= 0x80 {
        u >>= 7;
        n += 1;
    }
    n
}

/// Appends `v` as a zigzag varint.
pub fn write_varint(out: &mut Vec<u8>, v: i64) {
    let mut u = ((v << 1) ^ (v >> 63)) as u64;
    while u >= 0x80 {
        out.push((u as u8 & 0x7f) | 0x80);
        u >>= 7;
    }
    out.push(u as u8);
}

/// Reads a zigzag varint at `*pos`, advancing it. A varint cut short is
/// `_UNDERFLOW`, one longer than ten bytes `_BAD_MSG`.
pub fn read_varint(buf: &[u8], pos: &mut usize) -> Result<i64, rd_kafka_resp_err_t> {
    let mut u: u64 = 0;
    let mut shift = 0u32;
    loop {
        let b = *buf.get(*pos).ok_or(RD_KAFKA_RESP_ERR__UNDERFLOW)?;
        *pos += 1;
        if shift >= 64 {
            return Err(RD_KAFKA_RESP_ERR__BAD_MSG);
        }
        u |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
}

fn take<'a>(buf: &'a [u8], pos: &mut usize, len: i64) -> Result<&'a [u8], rd_kafka_resp_err_t> {
    if len < 0 {
        return Err(RD_KAFKA_RESP_ERR__UNDERFLOW);
    }
    let end = pos.checked_add(len as usize).ok_or(RD_KAFKA_RESP_ERR__UNDERFLOW)?;
    let s = buf.get(*pos..end).ok_or(RD_KAFKA_RESP_ERR__UNDERFLOW)?;
    *pos = end;
    Ok(s)
}

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
            Some(unsafe { super::util::bytes(value, value_size as usize) })
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
        let Some(m) = (unsafe { super::message::MessageObj::from_ptr_mut(rkmessage as *mut rd_kafka_message_t) }) else {
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
        let Some(m) = (unsafe { super::message::MessageObj::from_ptr_mut(rkmessage) }) else {
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
        if let Some(m) = unsafe { super::message::MessageObj::from_ptr_mut(rkmessage) } {
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
