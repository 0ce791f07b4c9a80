//! Admin API: the C functions of SCRAM user credentials
//! (DescribeUserScramCredentials, AlterUserScramCredentials). The objects
//! are in `objects::admin::scram`.
#![allow(unused_variables)]

use crate::objects::admin::scram::*;
use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use super::common::*;
use libc::size_t;
use std::os::raw::{c_char, c_uchar};
use std::ptr;

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
