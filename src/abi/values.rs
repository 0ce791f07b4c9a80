//! Small value types: UUIDs (topic ids) and nodes (brokers in admin results).

use super::types::*;
use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::ptr;

/// The object behind `rd_kafka_Uuid_t *`.
#[derive(Debug)]
pub struct UuidObj {
    pub msb: i64,
    pub lsb: i64,
    base64: once_cell::sync::OnceCell<CString>,
}

impl UuidObj {
    pub fn new(msb: i64, lsb: i64) -> Self {
        UuidObj { msb, lsb, base64: once_cell::sync::OnceCell::new() }
    }

    /// The 16 bytes of the UUID, most significant first.
    pub fn bytes(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.msb.to_be_bytes());
        b[8..].copy_from_slice(&self.lsb.to_be_bytes());
        b
    }

    /// Base64 of the 16 bytes without the trailing padding (22 characters),
    /// as Kafka prints topic ids.
    pub fn base64(&self) -> &CString {
        self.base64.get_or_init(|| {
            let mut s = base64_encode(&self.bytes());
            while s.ends_with('=') {
                s.pop();
            }
            CString::new(s).expect("base64 has no NUL")
        })
    }

    pub fn into_raw(self) -> *mut rd_kafka_Uuid_t {
        Box::into_raw(Box::new(self)) as *mut rd_kafka_Uuid_t
    }

    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_Uuid_t) -> Option<&'a UuidObj> {
        // SAFETY: caller contract.
        unsafe { (p as *const UuidObj).as_ref() }
    }
}

/// Standard base64 (RFC 4648 alphabet, with padding).
pub fn base64_encode(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk.len();
        let v = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= n {
                out.push(ALPHABET[(v >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The object behind `rd_kafka_Node_t *`.
#[derive(Debug)]
pub struct NodeObj {
    pub id: i32,
    pub host: CString,
    pub port: u16,
    pub rack: Option<CString>,
}

impl NodeObj {
    pub fn new(id: i32, host: &str, port: u16, rack: Option<&str>) -> Self {
        NodeObj {
            id,
            host: CString::new(host.replace('\0', "")).unwrap_or_default(),
            port,
            rack: rack.map(|r| CString::new(r.replace('\0', "")).unwrap_or_default()),
        }
    }

    /// A C handle borrowed from this node (valid while the node lives).
    pub fn as_handle(&self) -> *const rd_kafka_Node_t {
        self as *const NodeObj as *const rd_kafka_Node_t
    }

    /// # Safety
    /// `p` must be NULL or a handle from `as_handle` whose node is alive.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_Node_t) -> Option<&'a NodeObj> {
        // SAFETY: caller contract.
        unsafe { (p as *const NodeObj).as_ref() }
    }
}

/// The UUID as Kafka's base64 text (22 characters).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_base64str(uuid: *const rd_kafka_Uuid_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: caller passes a valid handle or NULL.
        unsafe { UuidObj::from_ptr(uuid) }.map_or(ptr::null(), |u| u.base64().as_ptr())
    })
}

/// The low 64 bits of the UUID.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_least_significant_bits(uuid: *const rd_kafka_Uuid_t) -> i64 {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { UuidObj::from_ptr(uuid) }.map_or(0, |u| u.lsb)
}

/// The high 64 bits of the UUID.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_most_significant_bits(uuid: *const rd_kafka_Uuid_t) -> i64 {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { UuidObj::from_ptr(uuid) }.map_or(0, |u| u.msb)
}

/// A new UUID from its two halves; free it with rd_kafka_Uuid_destroy().
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_Uuid_new(most_significant_bits: i64, least_significant_bits: i64) -> *mut rd_kafka_Uuid_t {
    crate::ffi_guard!(ptr::null_mut(), { UuidObj::new(most_significant_bits, least_significant_bits).into_raw() })
}

/// A copy of a UUID; free it with rd_kafka_Uuid_destroy().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_copy(uuid: *const rd_kafka_Uuid_t) -> *mut rd_kafka_Uuid_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller passes a valid handle or NULL.
        unsafe { UuidObj::from_ptr(uuid) }.map_or(ptr::null_mut(), |u| UuidObj::new(u.msb, u.lsb).into_raw())
    })
}

/// Frees a UUID made by rd_kafka_Uuid_new() or rd_kafka_Uuid_copy().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_destroy(uuid: *mut rd_kafka_Uuid_t) {
    crate::ffi_guard!((), {
        if !uuid.is_null() {
            // SAFETY: the handle came from UuidObj::into_raw.
            drop(unsafe { Box::from_raw(uuid as *mut UuidObj) });
        }
    })
}

/// The broker id of a node.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_id(node: *const rd_kafka_Node_t) -> c_int {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.map_or(-1, |n| n.id)
}

/// The host name of a node.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_host(node: *const rd_kafka_Node_t) -> *const c_char {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.map_or(ptr::null(), |n| n.host.as_ptr())
}

/// The port of a node.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_port(node: *const rd_kafka_Node_t) -> u16 {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.map_or(0, |n| n.port)
}

/// The rack of a node, NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_rack(node: *const rd_kafka_Node_t) -> *const c_char {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.and_then(|n| n.rack.as_ref()).map_or(ptr::null(), |r| r.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn uuid_text_is_22_chars_without_padding() {
        let u = UuidObj::new(0x0102030405060708, 0x090a0b0c0d0e0f10);
        assert_eq!(u.base64().to_str().unwrap(), "AQIDBAUGBwgJCgsMDQ4PEA");
        let z = UuidObj::new(0, 0);
        assert_eq!(z.base64().to_str().unwrap(), "AAAAAAAAAAAAAAAAAAAAAA");
    }
}
