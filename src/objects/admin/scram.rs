//! Admin API: SCRAM user credentials (DescribeUserScramCredentials,
//! AlterUserScramCredentials): the request and result objects.

use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use super::common::*;
use crate::error::KafkaError;
use std::ffi::CString;
use std::os::raw::c_void;

/// Length of the salt generated when the application gives none.
pub(crate) const RANDOM_SALT_LEN: usize = 64;

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
pub(crate) fn random_bytes(len: usize) -> Option<Vec<u8>> {
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
pub(crate) struct ScramCredentialInfoObj(pub(crate) ScramCredentialInfo);

/// The object behind `rd_kafka_UserScramCredentialsDescription_t *`.
pub(crate) struct UserScramCredentialsDescriptionObj {
    pub(crate) user: CString,
    pub(crate) error: Box<ErrorObject>,
    pub(crate) infos: Vec<ScramCredentialInfoObj>,
}

/// The object behind `rd_kafka_AlterUserScramCredentials_result_response_t *`.
pub(crate) struct AlterUserScramResponseObj {
    pub(crate) user: CString,
    pub(crate) error: Box<ErrorObject>,
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
