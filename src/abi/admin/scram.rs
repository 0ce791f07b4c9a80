//! Admin API: SCRAM user credentials (DescribeUserScramCredentials,
//! AlterUserScramCredentials).
#![allow(unused_variables)]

use super::super::error::ErrorObject;
use super::super::types::*;
use super::common::*;
use crate::error::KafkaError;
use libc::size_t;
use std::ffi::CString;
use std::os::raw::{c_char, c_uchar, c_void};
use std::ptr;

/// Length of the salt generated when the application gives none.
const RANDOM_SALT_LEN: usize = 64;

/// One change of a user's SCRAM credentials (behind
/// `rd_kafka_UserScramCredentialAlteration_t *`).
#[derive(Clone, PartialEq, Eq)]
pub enum UserScramCredentialAlteration {
    /// Create or replace the credential of a mechanism. The engine derives
    /// the salted password (PBKDF2 with the mechanism's hash) when sending.
    Upsert {
        user: String,
        mechanism: rd_kafka_ScramMechanism_t,
        iterations: i32,
        password: Vec<u8>,
        /// Empty only if no random salt could be generated.
        salt: Vec<u8>,
    },
    /// Remove the credential of a mechanism.
    Delete { user: String, mechanism: rd_kafka_ScramMechanism_t },
}

impl std::fmt::Debug for UserScramCredentialAlteration {
    // Passwords and salts are kept out of debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Upsert { user, mechanism, iterations, salt, .. } => f
                .debug_struct("Upsert")
                .field("user", user)
                .field("mechanism", mechanism)
                .field("iterations", iterations)
                .field("salt_len", &salt.len())
                .finish_non_exhaustive(),
            Self::Delete { user, mechanism } => f.debug_struct("Delete").field("user", user).field("mechanism", mechanism).finish(),
        }
    }
}

impl UserScramCredentialAlteration {
    pub fn user(&self) -> &str {
        match self {
            Self::Upsert { user, .. } | Self::Delete { user, .. } => user,
        }
    }

    pub fn mechanism(&self) -> rd_kafka_ScramMechanism_t {
        match self {
            Self::Upsert { mechanism, .. } | Self::Delete { mechanism, .. } => *mechanism,
        }
    }
}

/// `len` random bytes from the kernel; None if it cannot provide them.
fn random_bytes(len: usize) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; len];
    let mut filled = 0;
    while filled < len {
        // SAFETY: the buffer has room for len - filled more bytes.
        let n = unsafe { libc::getrandom(buf[filled..].as_mut_ptr() as *mut c_void, len - filled, 0) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return None;
        }
        filled += n as usize;
    }
    Some(buf)
}

/// One credential of a described user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScramCredentialInfo {
    pub mechanism: rd_kafka_ScramMechanism_t,
    pub iterations: i32,
}

/// The description of one user (DescribeUserScramCredentials).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserScramCredentialsDescription {
    pub user: String,
    /// The user's error; librdkafka always attaches an error object, with
    /// code NO_ERROR on success.
    pub error: KafkaError,
    pub credentials: Vec<ScramCredentialInfo>,
}

/// The outcome for one user of AlterUserScramCredentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterUserScramCredentialsResponse {
    pub user: String,
    /// Always present, with code NO_ERROR on success (as in librdkafka).
    pub error: KafkaError,
}

/// The object behind `rd_kafka_ScramCredentialInfo_t *`.
pub(crate) struct ScramCredentialInfoObj(ScramCredentialInfo);

/// The object behind `rd_kafka_UserScramCredentialsDescription_t *`.
pub(crate) struct UserScramCredentialsDescriptionObj {
    user: CString,
    error: Box<ErrorObject>,
    infos: Vec<ScramCredentialInfoObj>,
}

/// The object behind `rd_kafka_AlterUserScramCredentials_result_response_t *`.
pub(crate) struct AlterUserScramResponseObj {
    user: CString,
    error: Box<ErrorObject>,
}

/// Payload of DescribeUserScramCredentials result events.
#[derive(Default)]
pub(crate) struct DescribeUserScramPayload(pub(crate) PtrArray<UserScramCredentialsDescriptionObj, rd_kafka_UserScramCredentialsDescription_t>);

impl DescribeUserScramPayload {
    pub(crate) fn new(descs: &[UserScramCredentialsDescription]) -> Self {
        DescribeUserScramPayload(PtrArray::new(descs.iter().map(|d| UserScramCredentialsDescriptionObj {
            user: cstring(&d.user),
            error: error_box(&d.error),
            infos: d.credentials.iter().copied().map(ScramCredentialInfoObj).collect(),
        })))
    }
}

/// Payload of AlterUserScramCredentials result events.
#[derive(Default)]
pub(crate) struct AlterUserScramPayload(pub(crate) PtrArray<AlterUserScramResponseObj, rd_kafka_AlterUserScramCredentials_result_response_t>);

impl AlterUserScramPayload {
    pub(crate) fn new(responses: &[AlterUserScramCredentialsResponse]) -> Self {
        AlterUserScramPayload(PtrArray::new(
            responses.iter().map(|r| AlterUserScramResponseObj { user: cstring(&r.user), error: error_box(&r.error) }),
        ))
    }
}

fn error_handle(e: &ErrorObject) -> *const rd_kafka_error_t {
    e as *const ErrorObject as *const rd_kafka_error_t
}

/// The SCRAM mechanism of a credential.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ScramCredentialInfo_mechanism(scram_credential_info: *const rd_kafka_ScramCredentialInfo_t) -> rd_kafka_ScramMechanism_t {
    crate::ffi_guard!(RD_KAFKA_SCRAM_MECHANISM_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ScramCredentialInfoObj>(scram_credential_info) }.map_or(RD_KAFKA_SCRAM_MECHANISM_UNKNOWN, |i| i.0.mechanism)
    })
}

/// The iteration count of a credential.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ScramCredentialInfo_iterations(scram_credential_info: *const rd_kafka_ScramCredentialInfo_t) -> i32 {
    crate::ffi_guard!(-1, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ScramCredentialInfoObj>(scram_credential_info) }.map_or(-1, |i| i.0.iterations)
    })
}

/// The user name of a user description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_user(description: *const rd_kafka_UserScramCredentialsDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<UserScramCredentialsDescriptionObj>(description) }.map_or(ptr::null(), |d| d.user.as_ptr())
    })
}

/// The error object of a user description (code NO_ERROR on success).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_error(description: *const rd_kafka_UserScramCredentialsDescription_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<UserScramCredentialsDescriptionObj>(description) }.map_or(ptr::null(), |d| error_handle(&d.error))
    })
}

/// The number of credentials of a user description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_scramcredentialinfo_count(description: *const rd_kafka_UserScramCredentialsDescription_t) -> size_t {
    crate::ffi_guard!(0, {
        // SAFETY: handle or NULL.
        unsafe { obj::<UserScramCredentialsDescriptionObj>(description) }.map_or(0, |d| d.infos.len())
    })
}

/// Credential `idx` of a user description, NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialsDescription_scramcredentialinfo(description: *const rd_kafka_UserScramCredentialsDescription_t, idx: size_t) -> *const rd_kafka_ScramCredentialInfo_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<UserScramCredentialsDescriptionObj>(description) }
            .and_then(|d| d.infos.get(idx))
            .map_or(ptr::null(), |i| i as *const ScramCredentialInfoObj as *const rd_kafka_ScramCredentialInfo_t)
    })
}

/// The user descriptions of a DescribeUserScramCredentials result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeUserScramCredentials_result_descriptions(result: *const rd_kafka_DescribeUserScramCredentials_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_UserScramCredentialsDescription_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<DescribeUserScramPayload>(result, RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT).map(|p| &p.0), cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeUserScramCredentials(rk: *mut rd_kafka_t, users: *mut *const c_char, user_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT, "rd_kafka_DescribeUserScramCredentials") }
    })
}

/// Creates a credential upsertion; without a salt a random 64-byte salt is generated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialUpsertion_new(username: *const c_char, mechanism: rd_kafka_ScramMechanism_t, iterations: i32, password: *const c_uchar, password_size: size_t, salt: *const c_uchar, salt_size: size_t) -> *mut rd_kafka_UserScramCredentialAlteration_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: username NULL or a C string (NULL becomes an empty user,
        // which AlterUserScramCredentials rejects); password and salt NULL
        // or valid for their sizes.
        let user = unsafe { owned(username) }.unwrap_or_default();
        let password = unsafe { c_array(password, password_size) }.to_vec();
        let given_salt = unsafe { c_array(salt, salt_size) };
        let salt = if given_salt.is_empty() { random_bytes(RANDOM_SALT_LEN).unwrap_or_default() } else { given_salt.to_vec() };
        into_handle(UserScramCredentialAlteration::Upsert { user, mechanism, iterations, password, salt })
    })
}

/// Creates a credential deletion.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialDeletion_new(username: *const c_char, mechanism: rd_kafka_ScramMechanism_t) -> *mut rd_kafka_UserScramCredentialAlteration_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: username NULL or a C string.
        let user = unsafe { owned(username) }.unwrap_or_default();
        into_handle(UserScramCredentialAlteration::Delete { user, mechanism })
    })
}

/// Frees a credential alteration (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialAlteration_destroy(alteration: *mut rd_kafka_UserScramCredentialAlteration_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from one of the constructors above.
        unsafe { drop_handle::<UserScramCredentialAlteration>(alteration) }
    })
}

/// Frees each credential alteration of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_UserScramCredentialAlteration_destroy_array(alterations: *mut *mut rd_kafka_UserScramCredentialAlteration_t, alteration_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds alteration_cnt handles.
        unsafe { destroy_handles::<UserScramCredentialAlteration, _>(alterations, alteration_cnt) }
    })
}

/// The user of an AlterUserScramCredentials response.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials_result_response_user(response: *const rd_kafka_AlterUserScramCredentials_result_response_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AlterUserScramResponseObj>(response) }.map_or(ptr::null(), |r| r.user.as_ptr())
    })
}

/// The error object of an AlterUserScramCredentials response (code NO_ERROR on success).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials_result_response_error(response: *const rd_kafka_AlterUserScramCredentials_result_response_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AlterUserScramResponseObj>(response) }.map_or(ptr::null(), |r| error_handle(&r.error))
    })
}

/// The per-user responses of an AlterUserScramCredentials result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials_result_responses(result: *const rd_kafka_AlterUserScramCredentials_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_AlterUserScramCredentials_result_response_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<AlterUserScramPayload>(result, RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT).map(|p| &p.0), cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterUserScramCredentials(rk: *mut rd_kafka_t, alterations: *mut *mut rd_kafka_UserScramCredentialAlteration_t, alteration_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT, "rd_kafka_AlterUserScramCredentials") }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsertion_salt() {
        unsafe {
            let pw = b"secret";
            let a = rd_kafka_UserScramCredentialUpsertion_new(c"alice".as_ptr(), RD_KAFKA_SCRAM_MECHANISM_SHA_256, 4096, pw.as_ptr(), pw.len(), ptr::null(), 0);
            let b = rd_kafka_UserScramCredentialUpsertion_new(c"alice".as_ptr(), RD_KAFKA_SCRAM_MECHANISM_SHA_256, 4096, pw.as_ptr(), pw.len(), ptr::null(), 0);
            let salt = b"0123";
            let c = rd_kafka_UserScramCredentialUpsertion_new(c"bob".as_ptr(), RD_KAFKA_SCRAM_MECHANISM_SHA_512, 8192, pw.as_ptr(), pw.len(), salt.as_ptr(), salt.len());
            let get = |h| obj::<UserScramCredentialAlteration>(h).unwrap().clone();
            let (UserScramCredentialAlteration::Upsert { salt: sa, password, .. }, UserScramCredentialAlteration::Upsert { salt: sb, .. }) = (get(a), get(b)) else {
                panic!("not upsertions")
            };
            assert_eq!(sa.len(), 64);
            assert_eq!(sb.len(), 64);
            assert_ne!(sa, sb, "random salts differ");
            assert_eq!(password, b"secret");
            let UserScramCredentialAlteration::Upsert { user, mechanism, iterations, salt: sc, .. } = get(c) else { panic!() };
            assert_eq!((user.as_str(), mechanism, iterations, sc.as_slice()), ("bob", RD_KAFKA_SCRAM_MECHANISM_SHA_512, 8192, &salt[..]));
            let d = rd_kafka_UserScramCredentialDeletion_new(c"carol".as_ptr(), RD_KAFKA_SCRAM_MECHANISM_SHA_256);
            assert_eq!(get(d).user(), "carol");
            let mut arr = [a, b, c, d];
            rd_kafka_UserScramCredentialAlteration_destroy_array(arr.as_mut_ptr(), arr.len());
            rd_kafka_UserScramCredentialAlteration_destroy(ptr::null_mut());
        }
    }
}
