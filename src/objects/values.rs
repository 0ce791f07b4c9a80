//! Small value types: UUIDs (topic ids) and nodes (brokers in admin
//! results), and the base64 text of UUIDs. Their C functions
//! (rd_kafka_Uuid_*(), rd_kafka_Node_*()) are in the C boundary.

use crate::objects::types::*;
use std::ffi::CString;

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
