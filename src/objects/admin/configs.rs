//! Admin API: config resources and entries (AlterConfigs,
//! IncrementalAlterConfigs, DescribeConfigs).
//!
//! `rd_kafka_ConfigResource_t` is both a request object (made by the
//! application) and a result object (made from a broker response, with an
//! error and described entries); both are a [`ConfigResourceObj`], which
//! keeps the plain data ([`ConfigResource`]) and its C strings and pointer
//! arrays side by side.

use crate::objects::types::*;
use super::common::*;
use libc::size_t;
use std::ffi::CString;

/// One configuration entry: what a request sets, or what a broker
/// described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigEntry {
    pub name: String,
    /// None: NULL (no value, or deleted / sensitive).
    pub value: Option<String>,
    /// RD_KAFKA_CONFIG_SOURCE_* (results).
    pub source: rd_kafka_ConfigSource_t,
    pub is_read_only: bool,
    pub is_default: bool,
    pub is_sensitive: bool,
    pub is_synonym: bool,
    /// Synonyms, most specific first (results).
    pub synonyms: Vec<ConfigEntry>,
    /// RD_KAFKA_ALTER_CONFIG_OP_TYPE_* (IncrementalAlterConfigs requests).
    pub op_type: rd_kafka_AlterConfigOpType_t,
}

impl ConfigEntry {
    /// An entry with a name and value and every attribute at its default
    /// (source UNKNOWN_CONFIG, op type SET).
    pub fn new(name: impl Into<String>, value: Option<&str>) -> Self {
        ConfigEntry {
            name: name.into(),
            value: value.map(str::to_string),
            source: RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG,
            is_read_only: false,
            is_default: false,
            is_sensitive: false,
            is_synonym: false,
            synonyms: Vec::new(),
            op_type: RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET,
        }
    }
}

/// A configuration resource: a request's resource and entries, or a
/// result's resource with its error and described entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigResource {
    /// RD_KAFKA_RESOURCE_*.
    pub restype: rd_kafka_ResourceType_t,
    pub name: String,
    pub configs: Vec<ConfigEntry>,
    /// Result error code (NO_ERROR in requests).
    pub err: rd_kafka_resp_err_t,
    /// Result error text; None: the code's description.
    pub errstr: Option<String>,
}

impl ConfigResource {
    /// A result resource from a broker's per-resource error code and
    /// optional message (librdkafka's message rules applied).
    pub fn new_result(restype: rd_kafka_ResourceType_t, name: impl Into<String>, err: rd_kafka_resp_err_t, broker_msg: Option<&str>) -> Self {
        ConfigResource { restype, name: name.into(), configs: Vec::new(), err, errstr: item_errstr(err, broker_msg) }
    }
}

/// The object behind `rd_kafka_ConfigEntry_t *`.
pub(crate) struct ConfigEntryObj {
    pub(crate) data: ConfigEntry,
    pub(crate) name: CString,
    pub(crate) value: Option<CString>,
    pub(crate) synonyms: PtrArray<ConfigEntryObj, rd_kafka_ConfigEntry_t>,
}

impl ConfigEntryObj {
    pub(crate) fn new(e: &ConfigEntry) -> Self {
        ConfigEntryObj {
            data: e.clone(),
            name: cstring(&e.name),
            value: e.value.as_deref().map(cstring),
            synonyms: PtrArray::new(e.synonyms.iter().map(ConfigEntryObj::new)),
        }
    }
}

/// The object behind `rd_kafka_ConfigResource_t *`.
pub(crate) struct ConfigResourceObj {
    pub(crate) restype: rd_kafka_ResourceType_t,
    pub(crate) name: CString,
    pub(crate) name_s: String,
    pub(crate) entries: PtrArray<ConfigEntryObj, rd_kafka_ConfigEntry_t>,
    pub(crate) err: rd_kafka_resp_err_t,
    pub(crate) errstr: Option<CString>,
}

impl ConfigResourceObj {
    pub(crate) fn new(r: &ConfigResource) -> Self {
        ConfigResourceObj {
            restype: r.restype,
            name: cstring(&r.name),
            name_s: r.name.clone(),
            entries: PtrArray::new(r.configs.iter().map(ConfigEntryObj::new)),
            err: r.err,
            errstr: r.errstr.as_deref().map(cstring),
        }
    }

    /// The plain data of the resource (what a request copies).
    pub(crate) fn to_data(&self) -> ConfigResource {
        ConfigResource {
            restype: self.restype,
            name: self.name_s.clone(),
            configs: self.entries.iter().map(|e| e.data.clone()).collect(),
            err: self.err,
            errstr: self.errstr.as_ref().map(|s| s.to_string_lossy().into_owned()),
        }
    }
}

/// Copies the resources behind an array of ConfigResource handles (NULL
/// entries are skipped).
///
/// # Safety
/// `arr` must be NULL or hold `cnt` handles, each NULL or live.
pub(crate) unsafe fn copy_config_resources(arr: *const *mut rd_kafka_ConfigResource_t, cnt: size_t) -> Vec<ConfigResource> {
    // SAFETY: caller contract.
    unsafe { c_array(arr, cnt) }
        .iter()
        // SAFETY: each entry is NULL or a ConfigResource handle.
        .filter_map(|&h| unsafe { obj::<ConfigResourceObj>(h) }.map(ConfigResourceObj::to_data))
        .collect()
}

/// Payload of AlterConfigs, IncrementalAlterConfigs and DescribeConfigs
/// result events.
#[derive(Default)]
pub(crate) struct ConfigResourcesPayload(pub(crate) PtrArray<ConfigResourceObj, rd_kafka_ConfigResource_t>);

impl ConfigResourcesPayload {
    pub(crate) fn new(resources: &[ConfigResource]) -> Self {
        ConfigResourcesPayload(PtrArray::new(resources.iter().map(ConfigResourceObj::new)))
    }
}

/// The name of a config source value ("UNSUPPORTED" for unknown ones).
pub fn config_source_name(source: rd_kafka_ConfigSource_t) -> &'static std::ffi::CStr {
    const NAMES: [&std::ffi::CStr; 9] = [
        c"UNKNOWN_CONFIG",
        c"DYNAMIC_TOPIC_CONFIG",
        c"DYNAMIC_BROKER_CONFIG",
        c"DYNAMIC_DEFAULT_BROKER_CONFIG",
        c"STATIC_BROKER_CONFIG",
        c"DEFAULT_CONFIG",
        c"DYNAMIC_BROKER_LOGGER_CONFIG",
        c"CLIENT_METRICS_CONFIG",
        c"GROUP_CONFIG",
    ];
    usize::try_from(source).ok().and_then(|i| NAMES.get(i)).copied().unwrap_or(c"UNSUPPORTED")
}
