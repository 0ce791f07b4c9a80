//! The error type of the protocol layer.

use std::fmt;

use super::compression::Compression;

/// Everything that can go wrong while framing, encoding or decoding.
///
/// Decoders never panic on bad input: they return one of these. Use
/// [`ProtocolError::rd_kafka_code`] to get the librdkafka error code the
/// engine should report for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolError {
    /// The input ended in the middle of `what`.
    Truncated {
        /// What was being read.
        what: &'static str,
    },
    /// A frame's size prefix is larger than the configured maximum
    /// (`receive.message.max.bytes`).
    FrameTooLarge {
        /// The size announced by the peer.
        size: i64,
        /// The configured maximum.
        max: usize,
    },
    /// A frame's size prefix is negative or too small to hold a header.
    InvalidFrameSize(i32),
    /// Structurally invalid data (a negative length where none is allowed,
    /// a count that cannot fit, trailing garbage ...).
    Malformed(String),
    /// A CRC-32 (MessageSet v0/v1) or CRC-32C (record batch v2) mismatch.
    /// The reader has skipped the damaged batch and may be asked for the next.
    Checksum {
        /// Offset of the damaged batch or message.
        offset: i64,
        /// The checksum carried by the data.
        stored: u32,
        /// The checksum computed over the data.
        computed: u32,
    },
    /// This API key is not one we know how to frame.
    UnknownApiKey(i16),
    /// The (api key, version) pair is outside what we can encode or decode.
    UnsupportedVersion {
        /// The API key.
        api_key: i16,
        /// The requested version.
        api_version: i16,
    },
    /// A record batch / message with a magic byte other than 0, 1 or 2.
    UnsupportedMagic {
        /// Offset of the batch.
        offset: i64,
        /// The magic byte found.
        magic: i8,
    },
    /// An attributes field names a compression codec that does not exist.
    UnsupportedCodec(u8),
    /// Compressing or decompressing failed.
    Compression {
        /// The codec in use.
        codec: Compression,
        /// What the codec said.
        message: String,
    },
    /// Decompressed data would exceed the configured limit.
    DecompressedTooLarge {
        /// The codec in use.
        codec: Compression,
        /// The limit in bytes.
        limit: usize,
    },
    /// Encoding failed: the value cannot be represented at this version
    /// (or the generated codec refused it).
    Encode(String),
    /// The generated control-plane codec (kafka-protocol) rejected the data.
    Decode(String),
}

impl ProtocolError {
    pub(crate) fn malformed(msg: impl Into<String>) -> Self {
        ProtocolError::Malformed(msg.into())
    }

    pub(crate) fn truncated(what: &'static str) -> Self {
        ProtocolError::Truncated { what }
    }

    /// The `rd_kafka_resp_err_t` value librdkafka uses for this condition:
    /// `_BAD_COMPRESSION` (-198) for codec failures, `_NOT_IMPLEMENTED`
    /// (-170) for unknown magic bytes / codecs / API versions,
    /// `_UNDERFLOW` (-155) for truncated input, `_BAD_MSG` (-199) otherwise.
    pub fn rd_kafka_code(&self) -> i32 {
        match self {
            ProtocolError::Compression { .. } | ProtocolError::DecompressedTooLarge { .. } => -198,
            ProtocolError::UnsupportedMagic { .. }
            | ProtocolError::UnsupportedCodec(_)
            | ProtocolError::UnknownApiKey(_)
            | ProtocolError::UnsupportedVersion { .. } => -170,
            ProtocolError::Truncated { .. } => -155,
            ProtocolError::Encode(_) => -186,
            _ => -199,
        }
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Truncated { what } => write!(f, "truncated input while reading {what}"),
            ProtocolError::FrameTooLarge { size, max } => write!(
                f,
                "Invalid response size {size} (0..{max}): increase receive.message.max.bytes"
            ),
            ProtocolError::InvalidFrameSize(size) => write!(f, "Invalid response size {size}"),
            ProtocolError::Malformed(m) => write!(f, "malformed data: {m}"),
            ProtocolError::Checksum {
                offset,
                stored,
                computed,
            } => write!(
                f,
                "batch at offset {offset} failed checksum check (stored 0x{stored:08x} != computed 0x{computed:08x})"
            ),
            ProtocolError::UnknownApiKey(k) => write!(f, "unknown API key {k}"),
            ProtocolError::UnsupportedVersion {
                api_key,
                api_version,
            } => {
                write!(
                    f,
                    "API key {api_key} version {api_version} is not supported"
                )
            }
            ProtocolError::UnsupportedMagic { offset, magic } => {
                write!(
                    f,
                    "unsupported message format (magic byte {magic}) at offset {offset}"
                )
            }
            ProtocolError::UnsupportedCodec(c) => write!(f, "unsupported compression codec {c}"),
            ProtocolError::Compression { codec, message } => {
                write!(f, "{} compression error: {message}", codec.name())
            }
            ProtocolError::DecompressedTooLarge { codec, limit } => write!(
                f,
                "{} decompressed data exceeds the limit of {limit} bytes",
                codec.name()
            ),
            ProtocolError::Encode(m) => write!(f, "encode error: {m}"),
            ProtocolError::Decode(m) => write!(f, "decode error: {m}"),
        }
    }
}

impl std::error::Error for ProtocolError {}

/// Shorthand used throughout the protocol layer.
pub type Result<T> = std::result::Result<T, ProtocolError>;
