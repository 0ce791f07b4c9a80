//! Plugins: shared libraries named in `plugin.library.paths`, loaded with
//! dlopen(3). Each must export
//! `rd_kafka_resp_err_t conf_init(rd_kafka_conf_t *conf, void **plug_opaquep,
//! char *errstr, size_t errstr_size)`, which is called with the
//! configuration being set up; plugins typically register interceptors
//! there. A plugin stays loaded as long as the configuration (or the client
//! made from it) lives; duplicating a configuration loads its plugins again
//! for the copy, which the dynamic loader reference-counts.

use super::errbuf::ErrBuf;
use super::global::Conf;
use crate::objects::types::*;
use libc::size_t;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

type ConfInitFn = unsafe extern "C" fn(*mut rd_kafka_conf_t, *mut *mut c_void, *mut c_char, size_t) -> rd_kafka_resp_err_t;

/// The file name suffix of shared libraries on this platform.
const SOLIB_EXT: &str = ".so";

/// A loaded plugin library. Dropping it dlclose()s the library.
#[derive(Debug)]
pub struct Plugin {
    path: String,
    handle: *mut c_void,
    opaque: *mut c_void,
}

impl Plugin {
    /// The path as given in `plugin.library.paths`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the plugin's conf_init() stored in `*plug_opaquep`.
    pub fn opaque(&self) -> *mut c_void {
        self.opaque
    }
}

impl Drop for Plugin {
    fn drop(&mut self) {
        // SAFETY: handle came from a successful dlopen() and is closed once.
        unsafe { libc::dlclose(self.handle) };
    }
}

fn dl_error() -> String {
    // SAFETY: dlerror returns NULL or a NUL-terminated string.
    let e = unsafe { libc::dlerror() };
    if e.is_null() {
        "unknown dynamic loader error".to_string()
    } else {
        // SAFETY: checked non-NULL above.
        unsafe { CStr::from_ptr(e) }.to_string_lossy().replace('\n', ".")
    }
}

fn dl_open(path: &str) -> Result<*mut c_void, String> {
    let open = |p: &str| -> Result<*mut c_void, String> {
        let c = CString::new(p).map_err(|_| "path contains a NUL byte".to_string())?;
        // SAFETY: c is a valid C string.
        let h = unsafe { libc::dlopen(c.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
        if h.is_null() { Err(format!("dlopen() failed: {}", dl_error())) } else { Ok(h) }
    };
    let first = match open(path) {
        Ok(h) => return Ok(h),
        Err(e) => e,
    };
    // Retry with the library suffix, unless the file name already ends in
    // something that looks like one.
    let fname = path.rsplit('/').next().unwrap_or(path);
    if fname.rfind('.').is_some_and(|dot| dot + SOLIB_EXT.len() >= fname.len()) {
        return Err(first);
    }
    open(&format!("{path}{SOLIB_EXT}"))
}

impl Conf {
    /// The custom setter of `plugin.library.paths`: unloads the plugins
    /// loaded before, then loads each `;`-separated library and calls its
    /// conf_init(). On failure nothing stays loaded and the errstr names
    /// the library.
    pub(crate) fn load_plugins(&mut self, paths: Option<&str>, eb: &mut ErrBuf) -> c_int {
        self.plugins.clear();
        let Some(paths) = paths.filter(|p| !p.is_empty()) else {
            return RD_KAFKA_CONF_OK;
        };
        let me = self as *mut Conf;
        for path in paths.split(';').filter(|p| !p.is_empty()) {
            // SAFETY: no reference into *me is live across this block's
            // calls into plugin code.
            if unsafe { (*me).plugins.iter().any(|p| p.path == path) } {
                continue;
            }
            match unsafe { load_one(me, path, eb) } {
                Ok(plugin) => unsafe { (*me).plugins.push(plugin) },
                Err(()) => {
                    let msg = format!("{} (plugin {path})", eb.message());
                    eb.write(&msg);
                    // SAFETY: as above.
                    unsafe { (*me).plugins.clear() };
                    return RD_KAFKA_CONF_INVALID;
                }
            }
        }
        RD_KAFKA_CONF_OK
    }
}

/// Loads one plugin and runs its conf_init() on `conf`.
///
/// # Safety
/// `conf` must point to a live Conf that nothing else references during
/// the call (the plugin may call the conf API on it).
unsafe fn load_one(conf: *mut Conf, path: &str, eb: &mut ErrBuf) -> Result<Plugin, ()> {
    let handle = match dl_open(path) {
        Ok(h) => h,
        Err(e) => {
            eb.write(&e);
            return Err(());
        }
    };
    // SAFETY: handle is valid; the symbol name is a C string literal.
    let sym = unsafe { libc::dlsym(handle, c"conf_init".as_ptr()) };
    if sym.is_null() {
        eb.write(&format!("dlsym() failed to find conf_init: {}", dl_error()));
        // SAFETY: handle came from dlopen.
        unsafe { libc::dlclose(handle) };
        return Err(());
    }
    // SAFETY: the plugin contract says conf_init has this signature.
    let conf_init: ConfInitFn = unsafe { std::mem::transmute::<*mut c_void, ConfInitFn>(sym) };
    let mut opaque: *mut c_void = ptr::null_mut();
    eb.write("");
    // SAFETY: see the function contract; errstr is valid for its size.
    let err = unsafe { conf_init(conf as *mut rd_kafka_conf_t, &mut opaque, eb.ptr(), eb.size()) };
    if err != RD_KAFKA_RESP_ERR_NO_ERROR {
        if eb.message().is_empty() {
            eb.write(&format!("conf_init() failed: {}", crate::error::describe(err)));
        }
        // SAFETY: handle came from dlopen.
        unsafe { libc::dlclose(handle) };
        return Err(());
    }
    Ok(Plugin { path: path.to_string(), handle, opaque })
}
