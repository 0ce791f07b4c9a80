//! The errstr buffers of the C API, shared with interceptors and plugins.

use std::os::raw::c_char;

/// An error string buffer: either the caller's C buffer, or one of our own
/// when the caller passed NULL (librdkafka then hands interceptors a valid
/// pointer with size 0) or when the caller is Rust code.
pub struct ErrBuf {
    ptr: *mut c_char,
    size: usize,
    _own: Vec<u8>,
}

impl ErrBuf {
    /// Wraps a caller's buffer; NULL becomes a private zero-sized one.
    ///
    /// # Safety
    /// `ptr` must be NULL or valid for writes of `size` bytes for the
    /// lifetime of the ErrBuf.
    pub unsafe fn from_c(ptr: *mut c_char, size: usize) -> ErrBuf {
        if ptr.is_null() {
            let mut own = vec![0u8; 1];
            ErrBuf { ptr: own.as_mut_ptr() as *mut c_char, size: 0, _own: own }
        } else {
            ErrBuf { ptr, size, _own: Vec::new() }
        }
    }

    /// A buffer of our own with room for `size` bytes.
    pub fn owned(size: usize) -> ErrBuf {
        let mut own = vec![0u8; size.max(1)];
        ErrBuf { ptr: own.as_mut_ptr() as *mut c_char, size, _own: own }
    }

    pub fn ptr(&self) -> *mut c_char {
        self.ptr
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// Writes `msg`, truncated to fit and NUL-terminated.
    pub fn write(&mut self, msg: &str) {
        // SAFETY: ptr is valid for size bytes (constructor contract).
        unsafe { crate::objects::util::write_errstr(self.ptr, self.size, msg) }
    }

    /// The current contents, up to the first NUL.
    pub fn message(&self) -> String {
        if self.size == 0 {
            return String::new();
        }
        // SAFETY: valid for size bytes; we stop at the first NUL or the end.
        let bytes = unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.size) };
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        String::from_utf8_lossy(&bytes[..end]).into_owned()
    }
}
